import * as l10n from '@vscode/l10n';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { GlossaryDiagnostic, Severity } from '../common/diagnostic';
import type { GlossarySettings } from '../common/settings';
import { applyEdits, LineIndex } from '../common/text';
import { fileUri } from '../common/uris';
import { fixAll } from '../features/codeActions';
import { documentDiagnostics } from '../features/diagnostics/documentDiagnostics';
import { GlossaryIndex } from '../index/glossaryIndex';
import { parseDocument } from '../parsing/document';
import { findTagsFilesAbove, GlossaryScope, readTextFile, type Logger } from '../workspace/files';
import { loadGlossary } from '../workspace/loadGlossary';

/** One finding as the CLI reports it; lines and columns are 1-based. */
export interface Finding {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: Severity;
  code: string;
  message: string;
}

export interface CheckResult {
  findings: Finding[];
  filesChecked: number;
  filesFixed: number;
}

export class UsageError extends Error {}

/** The glossary below the given paths, with the tags files that govern them, as the editor would index it. */
export async function loadForCli(paths: string[], cwd: string, settings: GlossarySettings, log: Logger) {
  // A glob ("docs/**/*.md") narrows the files; the walk starts where its fixed part ends.
  const globs = paths.filter((given) => /[*?[\]{}]/.test(given));
  const roots = [...paths.filter((given) => !globs.includes(given)), ...globs.map(globBase)].map((given) => path.resolve(cwd, given));
  const include = globs.length > 0 ? globs.map((glob) => glob.replace(/^\.\//, '')) : settings.include;
  const tagsFilesAbove: string[] = [];
  for (const root of roots) {
    const stat = await fs.stat(root).catch(() => undefined);
    if (stat === undefined) throw new UsageError(l10n.t('No such file or folder: {0}', path.relative(cwd, root) || root));
    const folder = stat.isDirectory() ? root : path.dirname(root);
    const boundary = isInside(folder, cwd) ? cwd : folder;
    tagsFilesAbove.push(...(await findTagsFilesAbove(folder, boundary)));
  }
  const configuredTagsFile = settings.tagsFile.trim() === '' ? undefined : path.resolve(cwd, settings.tagsFile);
  if (configuredTagsFile !== undefined) tagsFilesAbove.push(configuredTagsFile);

  const index = new GlossaryIndex();
  index.matcher.matchCompoundTails = settings.matchCompoundTails;
  // Globs are relative to the working directory; a path outside it is a root of its own.
  const scopeRoots = [cwd, ...roots.filter((root) => !isInside(root, cwd))];
  const scope = new GlossaryScope(scopeRoots, include, settings.exclude, settings.maxFileSize);
  const files = await loadGlossary(index, scope, log, { starts: roots, extraTagsFiles: tagsFilesAbove });
  if (configuredTagsFile !== undefined) index.setTagsFileOverride(fileUri(configuredTagsFile));
  return { index, files };
}

/**
 * Runs the editor's diagnostics over files on disk. With `fix`, applies the safe fixes first and
 * reports what remains.
 */
export async function check(paths: string[], cwd: string, settings: GlossarySettings, log: Logger, fix = false): Promise<CheckResult> {
  const { index, files } = await loadForCli(paths, cwd, settings, log);
  let filesFixed = 0;
  if (fix) {
    for (const file of files) {
      const text = await readTextFile(file, log, settings.maxFileSize);
      const document = index.getDocument(fileUri(file));
      if (text === undefined || document === undefined) continue;
      const lines = new LineIndex(text);
      const edits = fixAll(index, parseDocument(document.uri, text, lines), lines, settings);
      if (edits.length === 0) continue;
      const fixed = applyEdits(lines, edits);
      await fs.writeFile(file, fixed, 'utf8');
      index.setDocument(document.uri, fixed);
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
      findings.push(toFinding(path.relative(cwd, file).split(path.sep).join('/'), diagnostic));
    }
  }
  findings.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
  return { findings, filesChecked: files.length, filesFixed };
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

function isInside(folder: string, ancestor: string): boolean {
  const relative = path.relative(ancestor, folder);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

export function exitCodeOf(result: CheckResult): number {
  return result.findings.some((finding) => finding.severity === 'error') ? 1 : 0;
}
