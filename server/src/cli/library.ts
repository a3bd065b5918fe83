// The library entry, `require('markdown-glossary')` (dist/lib.js): what a script needs of the CLI,
// as plain data. Its declared types are types/markdown-glossary.d.ts, written by hand so that the
// published surface stays this small; test/packaging/library.test.ts holds the two together.
import * as path from 'node:path';
import { normalizeSettings } from '../common/settings';
import { fileUri } from '../common/uris';
import { parseDocument } from '../parsing/document';
import { bundledL10nFolder, useLocale } from '../workspace/translations';
import { check as checkFiles, type CheckResult } from './check';

export type { CheckResult, Finding } from './check';

export interface CheckOptions {
  /** The folder paths are relative to and findings are reported from; default: process.cwd(). */
  cwd?: string;
  /** Settings as in `.markdown-glossary.json`; missing or mistyped ones take their defaults. */
  settings?: object;
  /** Apply the safe fixes to the files first, as `check --fix`. */
  fix?: boolean;
  /** The language of the messages ("de"); default: English. */
  locale?: string;
  /** Hears what the CLI writes to stderr: files skipped, fixes not written. */
  log?: (message: string) => void;
}

/** Checks the glossary in the given files and folders, as `markdown-glossary check --format json`. */
export async function check(paths: string[] = ['.'], options: CheckOptions = {}): Promise<CheckResult> {
  useLocale(options.locale, bundledL10nFolder());
  const cwd = path.resolve(options.cwd ?? process.cwd());
  return checkFiles(paths, cwd, normalizeSettings(options.settings), options.log ?? (() => undefined), options.fix === true);
}

export interface GlossaryEntry {
  id: string;
  title: string;
  aliases: string[];
  tags: string[];
  notMentions: string[];
  /** Markdown: the bold lead sentence if the body opens with one, else the first paragraph. */
  definition: string;
}

/** What one Markdown file says about its term; undefined for a file without front matter (a note). */
export function parseEntry(text: string, fileName = 'entry.md'): GlossaryEntry | undefined {
  const term = parseDocument(fileUri(path.resolve(fileName)), text).term;
  if (term === undefined) return undefined;
  const { id, title, aliases, notMentions, definition } = term;
  return { id, title, aliases, tags: term.tags.map((tag) => tag.value), notMentions, definition };
}

export const version: string = PACKAGE_VERSION;

declare const PACKAGE_VERSION: string;
