import * as l10n from '@vscode/l10n';
import { findNodeAtLocation, getNodeValue, parseTree } from 'jsonc-parser';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { isMap, isScalar, parseDocument } from 'yaml';
import { jsonMistakeMessage, parseJsonTree } from '../common/jsonSyntax';
import { settingsProblems } from '../common/settings';
import { LineIndex, type Range } from '../common/text';
import type { Ignore } from 'ignore';
import { GlossaryScope, readTextFile, type Logger } from './files';
import { ignorePatterns } from './ignoreFiles';

/** The project's settings files, one per folder at most, shared by the CLI, CI and editors without a settings UI. */
export const CONFIG_FILE_NAMES = ['.markdown-glossary.json', '.markdown-glossary.jsonc', '.markdown-glossary.yaml', '.markdown-glossary.yml'];
/** The key of package.json that holds the settings instead. */
export const PACKAGE_JSON_KEY = 'markdownGlossary';

/** A mistake in a settings file, where it is: `line` and `column` 1-based, like the CLI's findings. */
export interface ConfigProblem {
  file: string;
  range: Range;
  line: number;
  column: number;
  message: string;
}

export interface Config {
  /** The file the settings came from; undefined when none was found. */
  file?: string;
  /** The settings as written (`normalizeSettings` makes the best of them). */
  settings: unknown;
  problems: ConfigProblem[];
}

/**
 * The settings file that governs a folder: the first found from the folder upwards, up to the
 * repository's root (a folder with `.git`) or, outside a repository, the file system's root. A
 * package.json counts only if it has a `markdownGlossary` key. Several in one folder are refused:
 * which one wins would be a guess.
 */
export async function findConfigFile(folder: string): Promise<string | undefined> {
  for (let current = path.resolve(folder); ; current = path.dirname(current)) {
    const found: string[] = [];
    // Whatever is there by the name counts (a named pipe too): reading it says why it is no settings file.
    for (const name of CONFIG_FILE_NAMES) if (await exists(path.join(current, name))) found.push(path.join(current, name));
    const packageJson = path.join(current, 'package.json');
    const packageText = await readSettingsText(packageJson, () => undefined, false);
    const packageTree = packageText === undefined ? undefined : parseTree(packageText);
    if (packageTree !== undefined && findNodeAtLocation(packageTree, [PACKAGE_JSON_KEY]) !== undefined) found.push(packageJson);
    if (found.length > 1) throw new Error(l10n.t('Several settings files in one folder; keep one: {0}', found.join(', ')));
    if (found.length === 1) return found[0];
    if ((await exists(path.join(current, '.git'))) || path.dirname(current) === current) return undefined;
  }
}

/**
 * The settings that govern a folder, or those of the file given: with every mistake in them and
 * where it is. A file given by name that cannot be read throws; one found that cannot is logged.
 */
export async function readConfig(folder: string, log: Logger, explicitPath?: string): Promise<Config> {
  const file = explicitPath ?? (await findConfigFile(folder));
  const text = file === undefined ? undefined : await readSettingsText(file, log, explicitPath !== undefined);
  return file === undefined || text === undefined ? { settings: undefined, problems: [] } : { file, ...parseConfig(file, text) };
}

/** The settings a file holds and what is wrong with them; YAML by the file's extension, else JSON (with comments and trailing commas in `.jsonc`). */
export function parseConfig(file: string, text: string): { settings: unknown; problems: ConfigProblem[] } {
  const lines = new LineIndex(text);
  const problem = (start: number, end: number, message: string): ConfigProblem => {
    const range = lines.rangeAt(start, end);
    return { file, range, line: range.start.line + 1, column: range.start.character + 1, message };
  };
  const inPackageJson = path.basename(file) === 'package.json';
  const parsed = /\.ya?ml$/i.test(file) ? parseYamlConfig(text) : parseJsonConfig(text, /\.jsonc$/i.test(file), inPackageJson ? [PACKAGE_JSON_KEY] : []);
  if (parsed.syntaxErrors.length > 0) return { settings: undefined, problems: parsed.syntaxErrors.map(([start, end, message]) => problem(start, end, message)) };
  const problems = settingsProblems(parsed.settings).map(({ path: keys, at, message }) => {
    const [start, end] = parsed.locate(keys, at);
    return problem(start, end, message);
  });
  return { settings: parsed.settings, problems };
}

interface ParsedConfig {
  settings: unknown;
  syntaxErrors: Array<[number, number, string]>;
  /** Offsets of a key, or of its value, by the path of keys to it. */
  locate(keys: string[], at: 'key' | 'value'): [number, number];
}

function parseJsonConfig(text: string, jsonc: boolean, prefix: string[]): ParsedConfig {
  const { root, error } = parseJsonTree(text, jsonc);
  const syntaxErrors = error === undefined ? [] : [[error.start, error.end, jsonMistakeMessage(error.mistake, true)] satisfies [number, number, string]];
  const settingsNode = root === undefined ? undefined : findNodeAtLocation(root, prefix);
  return {
    settings: settingsNode === undefined ? undefined : getNodeValue(settingsNode),
    syntaxErrors,
    locate(keys, at) {
      const node = (root && findNodeAtLocation(root, [...prefix, ...keys])) ?? settingsNode ?? root;
      const shown = at === 'key' && node?.parent?.type === 'property' ? node.parent.children![0] : node;
      return shown === undefined ? [0, 0] : [shown.offset, shown.offset + shown.length];
    },
  };
}

function parseYamlConfig(text: string): ParsedConfig {
  const document = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  const syntaxErrors = document.errors.slice(0, 1).map(({ pos, message }): [number, number, string] => [pos[0], pos[1], message.split('\n')[0]]);
  return {
    // A file of comments alone holds no settings, and no mistake.
    settings: syntaxErrors.length > 0 ? undefined : (document.toJS({ maxAliasCount: 100 }) ?? {}),
    syntaxErrors,
    locate(keys, at) {
      let node: unknown = document.contents;
      let keyNode: unknown;
      for (const key of keys) {
        const pair = isMap(node) ? node.items.find((item) => isScalar(item.key) && String(item.key.value) === key) : undefined;
        if (pair === undefined) break;
        keyNode = pair.key;
        node = pair.value;
      }
      const range = ((at === 'key' ? keyNode : node) as { range?: [number, number, number] } | null)?.range ?? [0, 0];
      return [range[0], range[1]];
    },
  };
}

async function exists(filePath: string): Promise<boolean> {
  return (await fs.lstat(filePath).catch(() => undefined)) !== undefined;
}

/** The gitignore-style file of patterns the CLI leaves out, in the workspace's root. */
export const IGNORE_FILE_NAME = '.markdown-glossary-ignore';

/** The patterns of an ignore file (gitignore syntax, `!pattern` included); undefined without one. */
export async function readIgnoreFile(filePath: string, log: Logger, required: boolean): Promise<Ignore | undefined> {
  const text = await readSettingsText(filePath, log, required);
  return text === undefined ? undefined : ignorePatterns(text);
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
