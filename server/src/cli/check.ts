import * as l10n from '@vscode/l10n';
import { existsSync, promises as fs, statSync } from 'node:fs';
import * as path from 'node:path';
import type { GlossaryDiagnostic } from '../common/diagnostic';
import type { CheckResult, Finding } from '../../../types/markdown-glossary';
import { isPathInside } from '../common/paths';
import { normalizeSettings, type GlossarySettings } from '../common/settings';
import { LineIndex } from '../common/text';
import { fileUri, uriToFsPath } from '../common/uris';
import { fixedText } from '../features/codeActions';
import { documentDiagnostics, siteConfigDiagnostics, tagsFileDiagnostics } from '../features/diagnostics/documentDiagnostics';
import { GlossaryIndex } from '../index/glossaryIndex';
import { mdxFactsOf, parseDocument, readAs } from '../parsing/document';
import { readBytesNow, withoutByteOrderMark } from '../workspace/fileReading';
import { exactUtf8, findTagsFilesAbove, GlossaryScope, pathKindOnDisk, readTextFile, writeTextFileNow, type Logger } from '../workspace/files';
import { compileGlobs, MAX_GLOB_CHARACTERS } from '../common/glob';
import { IGNORE_FILE_NAME, readConfig, readIgnoreFile } from '../workspace/configFile';
import { IgnoreRules } from '../workspace/ignoreFiles';
import { loadGlossary } from '../workspace/loadGlossary';

/** The findings as `--format json` prints them, and the counts: the npm package's published types. */
export type { CheckResult, Finding } from '../../../types/markdown-glossary';

export class UsageError extends Error {}

/** The folder the glossary is read from (the settings file's, or the working folder) and what gitignore rules leave out. */
export interface CliWorkspace {
  root: string;
  ignored?: IgnoreRules;
}

/** A settings file with mistakes: the run fails, naming each with its place. */
export class SettingsFileError extends Error {
  constructor(
    file: string,
    readonly problems: string[],
  ) {
    super(l10n.t('Invalid settings file: {0}', file));
  }
}

export interface WorkspaceOptions {
  /** A settings file to use instead of the one found (`--config`). */
  config?: string;
  /** An ignore file to use instead of the workspace's (`--ignore-path`). */
  ignorePath?: string;
  /** Whether `.gitignore` files leave files out. */
  gitignore: boolean;
}

/**
 * The settings that govern the given paths, and the workspace: the folder of the settings file
 * found (with a settings file given, the working folder), without what the ignore file and the
 * `.gitignore` files leave out. A settings file with a mistake throws, as markdownlint-cli2 fails.
 */
export async function cliWorkspace(paths: string[], cwd: string, options: WorkspaceOptions, log: Logger): Promise<{ settings: GlossarySettings; workspace: CliWorkspace }> {
  const checked = commonFolder(cwd, paths);
  const found = await readConfig(checked, log, options.config && path.resolve(cwd, options.config));
  // A glossary outside the working folder without settings of its own takes the working folder's.
  const config = found.file === undefined && !isPathInside(cwd, checked, true) ? await readConfig(cwd, log) : found;
  if (config.problems.length > 0) {
    const shown = (file: string) => path.relative(cwd, file);
    throw new SettingsFileError(shown(config.file!), config.problems.map((problem) => `${shown(problem.file)}:${problem.line}:${problem.column}: ${problem.message}`));
  }
  // A folder given outside the working folder, with no settings file for it anywhere, is checked as
  // from inside it: its ignore files and `.gitignore` count, not the working folder's.
  const ownWorkspace = config.file === undefined && !isPathInside(cwd, checked, true) && givenFolders(cwd, paths).includes(checked);
  const root = options.config === undefined && config.file !== undefined ? path.dirname(config.file) : ownWorkspace ? checked : cwd;
  const ignoreFile = options.ignorePath === undefined ? path.join(root, IGNORE_FILE_NAME) : path.resolve(cwd, options.ignorePath);
  const patterns = await readIgnoreFile(ignoreFile, log, options.ignorePath !== undefined);
  const ignored = new IgnoreRules(root, patterns, log, options.gitignore);
  return { settings: normalizeSettings(config.settings), workspace: { root, ignored } };
}

/** The folders the paths given name: a folder itself, a file's folder, a glob's fixed part. */
function givenFolders(cwd: string, paths: string[]): string[] {
  return paths
    .filter((given) => !given.startsWith('!'))
    .map((given) => {
      const absolute = path.resolve(cwd, startOf(cwd, given));
      return existsSync(absolute) && !statSync(absolute).isDirectory() ? path.dirname(absolute) : absolute;
    });
}

/** The folder the settings are looked for from: the deepest that holds every path given (a glob by its fixed part). */
function commonFolder(cwd: string, paths: string[]): string {
  const folders = givenFolders(cwd, paths);
  if (folders.length === 0) return cwd;
  return folders.reduce((common, folder) => {
    while (!isPathInside(common, folder, true)) common = path.dirname(common);
    return common;
  });
}

/**
 * The glossary of the workspace, as the editor would index it, and which of its files the given
 * paths choose: the workspace is the folder of the settings file (`root`), or the working folder,
 * with any given folder outside it (a glossary on another disk) walked as a root of its own (only
 * those, where every path given lies outside it; see `cliWorkspace` for one folder given). The paths only choose what is reported, so a link from a chosen file to one not chosen still resolves.
 * Paths and globs are relative to the working folder; `!glob` leaves out what an earlier one chose,
 * the last that matches deciding. `siteLog` hears which site was found or assumed: `terms` says it,
 * `check` keeps a clean run silent.
 */
export async function loadForCli(paths: string[], cwd: string, settings: GlossarySettings, log: Logger, siteLog: Logger = () => undefined, workspace: CliWorkspace = { root: cwd }) {
  const { root, ignored } = workspace;
  const positive = paths.filter((given) => !given.startsWith('!'));
  const chosen = positive.length === 0 ? ['.', ...paths] : paths;
  const selection = chosen.map((given) => patternOf(cwd, given)).reverse();
  const tagsFilesAbove: string[] = [];
  // A folder outside the workspace is walked from a root of its own, the folder given or a given
  // file's folder, and so is a folder given by a link, checked where the link leads.
  const ownRoots: string[] = [];
  const givenFolders: string[] = [];
  // Only what is given is read when all of it lies outside the workspace: the folder `check` runs in
  // is then no part of the glossary (its terms would answer wiki links, its files suggestions).
  let givenInside = false;
  for (const given of chosen.filter((given) => !given.startsWith('!'))) {
    const absolute = path.resolve(cwd, startOf(cwd, given));
    const stat = await fs.stat(absolute).catch(() => undefined);
    if (stat === undefined) throw new UsageError(l10n.t('No such file or folder: {0}', path.relative(cwd, absolute) || absolute));
    const folder = stat.isDirectory() ? absolute : path.dirname(absolute);
    givenFolders.push(folder);
    givenInside ||= isPathInside(root, absolute, true);
    if (!isPathInside(root, absolute, true) || (stat.isDirectory() && (await fs.lstat(absolute)).isSymbolicLink())) ownRoots.push(folder);
    const boundary = isPathInside(root, folder, true) ? root : folder;
    tagsFilesAbove.push(...(await findTagsFilesAbove(folder, boundary)));
  }

  const index = new GlossaryIndex();
  index.setPathProbe(pathKindOnDisk);
  index.matcher.matchCompoundTails = settings.matchCompoundTails;
  const scope = new GlossaryScope(givenInside ? [root, ...ownRoots] : ownRoots, settings.include, settings.exclude, settings.maxFileSize, ignored && ((file, isFolder, gitignored) => ignored.ignores(file, isFolder, gitignored)));
  if (scope.refusedGlobs.length > 0) {
    throw new Error(l10n.t('include and exclude may each hold at most {0} characters of globs, braces expanded: {1} is one too many.', MAX_GLOB_CHARACTERS, JSON.stringify(scope.refusedGlobs[0].slice(0, 100))));
  }
  const configuredTagsFile = settings.tagsFile.trim() === '' ? undefined : path.resolve(root, settings.tagsFile);
  if (configuredTagsFile !== undefined) {
    if (!scope.isReachable(configuredTagsFile)) throw new UsageError(l10n.t('The tags file {0} of the setting "tagsFile" is not inside the checked folders.', settings.tagsFile));
    tagsFilesAbove.push(configuredTagsFile);
  }
  // A site configured in a folder given counts though the workspace is larger (a site in `website/docs` of a repository).
  const indexed = await loadGlossary(index, scope, log, { extraTagsFiles: tagsFilesAbove, siteLog, configuredSitesOf: givenFolders });
  if (configuredTagsFile !== undefined) index.setTagsFileOverride(fileUri(configuredTagsFile));
  const chooses = (file: string) => {
    const relative = relativeFile(cwd, file);
    const last = selection.find((pattern) => pattern.matches(file, relative));
    return last !== undefined && !last.negated;
  };
  return { index, files: indexed.filter(chooses), chooses, scope };
}

/** A glob, unless a file or folder has that very name: lint-staged and pre-commit pass names such as `Begriff [alt].md`. */
const isGlob = (cwd: string, given: string) => hasGlobCharacters(given) && !existsSync(path.resolve(cwd, given));

const hasGlobCharacters = (text: string) => /[*?[\]{}]/.test(text);

/** The path a given path or glob starts at: itself, or a glob's fixed part. */
const startOf = (cwd: string, given: string) => (isGlob(cwd, given) ? globBase(given) : given);

/**
 * A path or glob given, `!` for one that leaves out. A path takes in itself and what is below it,
 * however many are given (lint-staged passes hundreds); a glob is relative to the working folder,
 * its fixed part may be absolute or start with `./`.
 */
function patternOf(cwd: string, given: string): { negated: boolean; matches: (file: string, relative: string) => boolean } {
  const negated = given.startsWith('!');
  const written = negated ? given.slice(1) : given;
  const base = globBase(written);
  if (!isGlob(cwd, written)) {
    const absolute = path.resolve(cwd, written);
    return { negated, matches: (file) => isPathInside(absolute, file, true) };
  }
  const rest = base === '.' && !written.startsWith('./') ? `/${written}` : written.slice(base.length);
  const glob = `${relativeFile(cwd, path.resolve(cwd, base))}${rest}`.replace(/^\//, '');
  const matcher = compileGlobs([glob], () => {
    throw new UsageError(l10n.t('A glob may hold at most {0} characters, braces expanded: {1}', MAX_GLOB_CHARACTERS, JSON.stringify(written.slice(0, 100))));
  });
  return { negated, matches: (_file, relative) => matcher(relative) };
}

/**
 * Runs the editor's diagnostics over files on disk. With `fix`, applies the safe fixes first and
 * reports what remains.
 */
export async function check(paths: string[], cwd: string, settings: GlossarySettings, log: Logger, fix = false, workspace: CliWorkspace = { root: cwd }): Promise<CheckResult> {
  const loaded = await loadForCli(paths, cwd, settings, log, undefined, workspace);
  const { index, chooses, scope } = loaded;
  // Files `.gitignore` leaves out that a site's generator reads (generated docs) are pages and link targets, but, not in the repository, neither fixed nor reported.
  const files = loaded.files.filter((file) => !scope.isReadByGenerator(file) || workspace.ignored?.isGitignored(file) !== true);
  let filesFixed = 0;
  let filesNotFixed = 0;
  if (fix) {
    for (const file of files) {
      const document = index.getDocument(fileUri(file));
      const bytes = readBytesNow(file, log, settings.maxFileSize);
      if (document === undefined || bytes === undefined) continue;
      const text = exactUtf8(bytes);
      const decoded = text ?? bytes.toString('utf8');
      const fixedDecoded = fixedText(index, document.uri, decoded, settings);
      if (fixedDecoded === decoded) continue;
      if (text === undefined) log(l10n.t('Not fixed: {0} is not UTF-8 text.', file));
      const fixed = text === undefined ? undefined : writeFixed(file, fixedDecoded, scope, log);
      if (fixed === undefined) {
        filesNotFixed++;
        continue;
      }
      index.setDocument(document.uri, withoutByteOrderMark(fixed));
      filesFixed++;
    }
  }
  const findings: Finding[] = [];
  for (const file of files) {
    const document = index.getDocument(fileUri(file));
    if (document === undefined) continue;
    // Only the opt-in unlinked-mention rule needs the text again, and the detail the index drops.
    const text = settings.unlinkedMentions ? await readTextFile(file, log, settings.maxFileSize) : undefined;
    const lines = text === undefined ? undefined : new LineIndex(text);
    // The index read the same text's MDX already.
    const checked = lines === undefined ? document : { ...parseDocument(document.uri, lines.text, lines, { mdx: false, ...readAs(index.readerOf(document.uri)) }), ...mdxFactsOf(document) };
    for (const diagnostic of documentDiagnostics(index, checked, settings, lines)) {
      findings.push(toFinding(relativeFile(cwd, file), diagnostic));
    }
  }
  // A tags file that does not parse declares nothing: every tag it governs would look undeclared.
  // It and a site's configuration are reported with the files below them that are chosen.
  const concerns = (uri: string) => chooses(uriToFsPath(uri)) || files.some((file) => isPathInside(path.dirname(uriToFsPath(uri)), file, true));
  for (const tagsFile of [...index.tagsFiles()].filter((tagsFile) => concerns(tagsFile.uri))) {
    for (const diagnostic of tagsFileDiagnostics(tagsFile, settings)) findings.push(toFinding(relativeFile(cwd, uriToFsPath(tagsFile.uri)), diagnostic));
  }
  for (const config of index.siteConfigProblems().filter((config) => concerns(config.uri))) {
    for (const diagnostic of siteConfigDiagnostics(index, config, settings)) findings.push(toFinding(relativeFile(cwd, uriToFsPath(config.uri)), diagnostic));
  }
  findings.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
  return { findings, filesChecked: files.length, filesFixed, filesNotFixed };
}

/**
 * Writes a fixed file, or logs why not and returns undefined: not one that a link took out of the
 * checked folders since it was read, nor one the file system refuses (see writeTextFileNow).
 */
function writeFixed(file: string, text: string, scope: GlossaryScope, log: Logger): string | undefined {
  try {
    writeTextFileNow(file, text, scope);
    return text;
  } catch (error) {
    log(l10n.t('Not fixed: cannot write {0}: {1}', file, (error as Error).message));
    return undefined;
  }
}

function toFinding(file: string, diagnostic: GlossaryDiagnostic): Finding {
  const { start, end } = diagnostic.range;
  return {
    file,
    line: start.line + 1,
    column: start.character + 1,
    endLine: end.line + 1,
    endColumn: end.character + 1,
    severity: diagnostic.severity,
    code: diagnostic.code,
    message: diagnostic.message,
  };
}

/** The folder a glob starts in: `docs/glossar` for `docs/glossar/**\/*.md`; a path without a glob is itself. */
function globBase(glob: string): string {
  const segments = glob.split('/');
  const firstGlob = segments.findIndex(hasGlobCharacters);
  const fixed = firstGlob === -1 ? segments : segments.slice(0, firstGlob);
  return fixed.length === 0 ? '.' : fixed.join('/');
}

function relativeFile(cwd: string, file: string): string {
  return path.relative(cwd, file).split(path.sep).join('/');
}

/** 2 when a fix could not be written (the run failed at what it was asked), else 1 for errors, else 0. */
export function exitCodeOf(result: CheckResult): number {
  if (result.filesNotFixed > 0) return 2;
  return result.findings.some((finding) => finding.severity === 'error') ? 1 : 0;
}
