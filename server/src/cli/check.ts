import * as l10n from '@vscode/l10n';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { GlossaryDiagnostic } from '../common/diagnostic';
import type { CheckResult, Finding } from '../../../types/markdown-glossary';
import { isPathInside } from '../common/paths';
import type { GlossarySettings } from '../common/settings';
import { LineIndex } from '../common/text';
import { fileUri, uriToFsPath } from '../common/uris';
import { fixedText } from '../features/codeActions';
import { documentDiagnostics, siteConfigDiagnostics, tagsFileDiagnostics } from '../features/diagnostics/documentDiagnostics';
import { GlossaryIndex } from '../index/glossaryIndex';
import { parseDocument } from '../parsing/document';
import { exactUtf8, findTagsFilesAbove, GlossaryScope, readBytesNow, readTextFile, withoutByteOrderMark, writeTextFileNow, type Logger } from '../workspace/files';
import { MAX_GLOB_CHARACTERS } from '../workspace/glob';
import { loadGlossary } from '../workspace/loadGlossary';

/** The findings as `--format json` prints them, and the counts: the npm package's published types. */
export type { CheckResult, Finding } from '../../../types/markdown-glossary';

export class UsageError extends Error {}

/** The glossary below the given paths, with the tags files that govern them, as the editor would index it. */
/** `siteLog` hears which site was found or assumed: `terms` says it, `check` keeps a clean run silent. */
export async function loadForCli(paths: string[], cwd: string, settings: GlossarySettings, log: Logger, siteLog: Logger = () => undefined) {
  // A glob ("docs/**/*.md") narrows the files; the walk starts where its fixed part ends.
  const globs = paths.filter((given) => /[*?[\]{}]/.test(given));
  const roots = [...paths.filter((given) => !globs.includes(given)), ...globs.map(globBase)].map((given) => path.resolve(cwd, given));
  const include = globs.length > 0 ? globs.map((glob) => glob.replace(/^\.\//, '')) : settings.include;
  const tagsFilesAbove: string[] = [];
  // Globs are relative to the working directory; a path outside it is walked from a root of its own,
  // the folder given or a given file's folder, and so is a folder given by a link (a glossary on
  // another disk), checked where the link leads.
  const ownRoots: string[] = [];
  for (const root of roots) {
    const stat = await fs.stat(root).catch(() => undefined);
    if (stat === undefined) throw new UsageError(l10n.t('No such file or folder: {0}', path.relative(cwd, root) || root));
    const folder = stat.isDirectory() ? root : path.dirname(root);
    if (!isPathInside(cwd, root, true) || (stat.isDirectory() && (await fs.lstat(root)).isSymbolicLink())) ownRoots.push(folder);
    const boundary = isPathInside(cwd, folder, true) ? cwd : folder;
    tagsFilesAbove.push(...(await findTagsFilesAbove(folder, boundary)));
  }

  const index = new GlossaryIndex();
  index.matcher.matchCompoundTails = settings.matchCompoundTails;
  const scopeRoots = [cwd, ...ownRoots];
  const scope = new GlossaryScope(scopeRoots, include, settings.exclude, settings.maxFileSize);
  if (scope.refusedGlobs.length > 0) {
    throw new Error(l10n.t('include and exclude may each hold at most {0} characters of globs, braces expanded: {1} is one too many.', MAX_GLOB_CHARACTERS, JSON.stringify(scope.refusedGlobs[0].slice(0, 100))));
  }
  const configuredTagsFile = settings.tagsFile.trim() === '' ? undefined : path.resolve(cwd, settings.tagsFile);
  if (configuredTagsFile !== undefined) {
    if (!scope.isReachable(configuredTagsFile)) throw new UsageError(l10n.t('The tags file {0} of the setting "tagsFile" is not inside the checked folders.', settings.tagsFile));
    tagsFilesAbove.push(configuredTagsFile);
  }
  const files = await loadGlossary(index, scope, log, { starts: roots, extraTagsFiles: tagsFilesAbove, siteLog });
  if (configuredTagsFile !== undefined) index.setTagsFileOverride(fileUri(configuredTagsFile));
  return { index, files, scope };
}

/**
 * Runs the editor's diagnostics over files on disk. With `fix`, applies the safe fixes first and
 * reports what remains.
 */
export async function check(paths: string[], cwd: string, settings: GlossarySettings, log: Logger, fix = false): Promise<CheckResult> {
  const { index, files, scope } = await loadForCli(paths, cwd, settings, log);
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
    const checked = lines === undefined ? document : parseDocument(document.uri, lines.text, lines);
    for (const diagnostic of documentDiagnostics(index, checked, settings, lines)) {
      findings.push(toFinding(relativeFile(cwd, file), diagnostic));
    }
  }
  // A tags file that does not parse declares nothing: every tag it governs would look undeclared.
  for (const tagsFile of index.tagsFiles()) {
    for (const diagnostic of tagsFileDiagnostics(tagsFile, settings)) findings.push(toFinding(relativeFile(cwd, uriToFsPath(tagsFile.uri)), diagnostic));
  }
  for (const config of index.siteConfigProblems()) {
    for (const diagnostic of siteConfigDiagnostics(config, settings)) findings.push(toFinding(relativeFile(cwd, uriToFsPath(config.uri)), diagnostic));
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

/** The folder a glob starts in: `docs/glossar` for `docs/glossar/**\/*.md`. */
function globBase(glob: string): string {
  const segments = glob.split('/');
  const fixed = segments.slice(0, segments.findIndex((segment) => /[*?[\]{}]/.test(segment)));
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
