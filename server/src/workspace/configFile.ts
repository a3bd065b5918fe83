import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { GlossaryScope, readTextFile, type Logger } from './files';

/** The project's settings file, shared by the CLI, CI and editors without a settings UI. */
export const CONFIG_FILE_NAME = '.markdown-glossary.json';

/** Reads the settings file of a folder: undefined when there is none; a broken file is logged and ignored. */
export async function readConfigFile(folder: string, log: Logger, explicitPath?: string): Promise<unknown> {
  const filePath = explicitPath ?? path.join(folder, CONFIG_FILE_NAME);
  const text = await readSettingsText(filePath, log, explicitPath !== undefined);
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text);
  } catch (error) {
    log(`Ignored ${filePath}: ${(error as Error).message}`);
    return undefined;
  }
}

/** Gitignore-style files the CLI leaves out: one pattern a line, `#` comments. */
export const IGNORE_FILE_NAME = '.markdown-glossary-ignore';

/**
 * The exclude globs of an ignore file: `name` matches at any depth, `/name` only at the top,
 * `name/` a folder. Negations (`!name`) are not supported and are reported.
 */
export async function readIgnoreFile(filePath: string, log: Logger, required: boolean): Promise<string[]> {
  const text = await readSettingsText(filePath, log, required);
  if (text === undefined) return [];
  const globs: string[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    if (line.startsWith('!')) {
      log(`${filePath}: negated patterns are not supported: ${line}`);
      continue;
    }
    const anchored = line.startsWith('/') || line.slice(0, -1).includes('/');
    const pattern = line.replace(/^\//, '').replace(/\/$/, '');
    const base = anchored ? pattern : `**/${pattern}`;
    globs.push(base, `${base}/**`);
  }
  return globs;
}

/** Settings are small: a larger file is no settings file. */
const MAX_SETTINGS_BYTES = 1024 * 1024;

/**
 * The text of a settings or ignore file; undefined when there is none. Only a regular file is read
 * (a named pipe in its place would hang a plain read), and one found in a folder only if it is no
 * link out of that folder; one given by name that cannot be read throws.
 */
async function readSettingsText(filePath: string, log: Logger, required: boolean): Promise<string | undefined> {
  const exists = await fs.lstat(filePath).then(
    () => true,
    () => false,
  );
  if (!exists && !required) return undefined;
  if (!required && !new GlossaryScope([path.dirname(filePath)]).isReachable(filePath)) {
    log(`Ignored ${filePath}: it links to a file outside its folder.`);
    return undefined;
  }
  const problems: string[] = [];
  const text = exists ? await readTextFile(filePath, (message) => problems.push(message), MAX_SETTINGS_BYTES) : undefined;
  if (text !== undefined) return text;
  if (required) throw new Error(problems[0] ?? `Cannot read ${filePath}: no such file.`);
  for (const problem of problems) log(problem);
  return undefined;
}
