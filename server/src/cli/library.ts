// The library entry, `require('markdown-glossary')` (dist/lib.js): what a script needs of the CLI,
// as plain data. Its types are declared in types/markdown-glossary.d.ts, the published surface
// written by hand to keep it this small; test/packaging/libraryTypes.ts holds the two together.
import * as path from 'node:path';
import type { CheckOptions, CheckResult, Finding, GlossaryEntry } from '../../../types/markdown-glossary';
import { bundledL10nFolder, check as checkFiles, cliWorkspace, fileUri, normalizeSettings, parseDocument, useLocale } from './core';

export type { CheckOptions, CheckResult, Finding, GlossaryEntry };

/** Checks the glossary in the given files and folders, as `markdown-glossary check --format json`. */
export async function check(paths: string[] = ['.'], options: CheckOptions = {}): Promise<CheckResult> {
  useLocale(options.locale, bundledL10nFolder());
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const log = options.log ?? (() => undefined);
  // As the CLI: the settings file found and the workspace it governs, unless settings are given.
  const found = await cliWorkspace(paths, cwd, { config: options.config, gitignore: options.gitignore !== false }, log);
  const settings = options.settings === undefined ? found.settings : normalizeSettings(options.settings);
  return checkFiles(paths, cwd, settings, log, options.fix === true, found.workspace);
}

/** What one Markdown file says about its term; undefined for a file without front matter (a note). */
export function parseEntry(text: string, fileName = 'entry.md'): GlossaryEntry | undefined {
  const term = parseDocument(fileUri(path.resolve(fileName)), text, undefined, { mdx: false }).term;
  if (term === undefined) return undefined;
  const { id, title, aliases, notMentions, definition } = term;
  return { id, title, aliases, tags: term.tags.map((tag) => tag.value), notMentions, definition };
}

export const version: string = PACKAGE_VERSION;

declare const PACKAGE_VERSION: string;
