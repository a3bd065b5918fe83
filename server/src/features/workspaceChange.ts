import type { Range } from '../common/text';

export interface TextEdit {
  range: Range;
  newText: string;
}

export interface FileEdits {
  uri: string;
  edits: TextEdit[];
}

/** A change across files: files to create (empty) first, then edits, then files to rename. */
export interface WorkspaceChange {
  createFiles: string[];
  edits: FileEdits[];
  renameFiles?: Array<{ oldUri: string; newUri: string }>;
}
