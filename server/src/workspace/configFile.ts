import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { Logger } from './files';

/** The project's settings file, shared by the CLI, CI and editors without a settings UI. */
export const CONFIG_FILE_NAME = '.markdown-glossary.json';

/** Reads the settings file of a folder: undefined when there is none; a broken file is logged and ignored. */
export async function readConfigFile(folder: string, log: Logger, explicitPath?: string): Promise<unknown> {
  const filePath = explicitPath ?? path.join(folder, CONFIG_FILE_NAME);
  let text: string;
  try {
    text = await fs.readFile(filePath, 'utf8');
  } catch (error) {
    if (explicitPath !== undefined) throw new Error(`Cannot read ${filePath}: ${(error as Error).message}`);
    return undefined;
  }
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
  let text: string;
  try {
    text = await fs.readFile(filePath, 'utf8');
  } catch (error) {
    if (required) throw new Error(`Cannot read ${filePath}: ${(error as Error).message}`);
    return [];
  }
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
