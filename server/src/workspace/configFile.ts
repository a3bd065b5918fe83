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
