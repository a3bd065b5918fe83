import type { Range } from '../common/text';

export interface TextEdit {
  range: Range;
  newText: string;
}

export interface FileEdits {
  uri: string;
  edits: TextEdit[];
  /** The version of the open document the edits were made for: an editor applies them to that text only. */
  version?: number;
}

/** A change across files: files to create (empty) first, then edits, then files to rename. */
export interface WorkspaceChange {
  createFiles: string[];
  edits: FileEdits[];
  renameFiles?: Array<{ oldUri: string; newUri: string }>;
}
