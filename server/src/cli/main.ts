import * as path from 'node:path';
import { parseArgs } from 'node:util';
import {
  applyEdits,
  bundledL10nFolder,
  check,
  cliWorkspace,
  CONFIG_FILE_NAMES,
  exactUtf8,
  exitCodeOf,
  fileUri,
  FORMATS,
  formatResult,
  formatTranslations,
  IGNORE_FILE_NAME,
  l10n,
  LineIndex,
  loadForCli,
  PACKAGE_JSON_KEY,
  printable,
  readBytesNow,
  sameLocale,
  SettingsFileError,
  tagsFileChange,
  TagsFileError,
  termRows,
  termsAsText,
  TRANSLATION_FORMATS,
  translationsReport,
  tuneGarbageCollection,
  UsageError,
  uriToFsPath,
  useLocale,
  withoutByteOrderMark,
  writeTextFileNow,
  type Format,
  type TranslationFormat,
} from './core';

const usage = () =>
  [
    l10n.t('Usage:'),
    '  markdown-glossary check [paths or globs...] [--format text|json|sarif|github] [--fix]',
    '                          [--config FILE] [--ignore-path FILE] [--no-gitignore] [--locale de]',
    '  markdown-glossary tags [paths...] [--write] [--config FILE]',
    '  markdown-glossary terms [paths...] [--format text|json] [--config FILE]',
    '  markdown-glossary translations [paths...] [--locale de] [--format text|json|markdown] [--diff] [--strict]',
    '  markdown-glossary server --stdio | --node-ipc',
    '  markdown-glossary --help | --version',
    '',
    l10n.t('check    Lints the glossary and reports on the given files, folders and globs (default: the current folder).'),
    l10n.t('         --fix applies the safe fixes. Exit code: 0 no errors, 1 errors found, 2 bad usage or failure.'),
    l10n.t('tags     Prints the tags each tags file misses, for the documents it governs; --write adds them.'),
    l10n.t('terms    Prints every file as the site builds it: doc id, title, tags, locale, translations, route, or why it is not published.'),
    l10n.t('translations  Prints which entries of the default locale are translated, missing or outdated (the original changed since, by Git history or file times).'),
    l10n.t('         --locale only that locale; --diff adds the changes of each outdated original; --strict exits 1 when a translation is outdated.'),
    l10n.t('server   Runs the language server for an editor.'),
    l10n.t('Paths and globs choose the files reported; the glossary is the whole workspace. "!glob" leaves files out again.'),
    l10n.t('Settings are read from the first of {0} or a "{1}" key in package.json found from the checked folder upwards (up to the repository root), or the file given with --config; its folder is the workspace.', CONFIG_FILE_NAMES.join(', '), PACKAGE_JSON_KEY),
    l10n.t('A settings file with a mistake is exit code 2, with the place of each mistake.'),
    l10n.t('Files matching the patterns in {0} (or --ignore-path) are left out, and those .gitignore files leave out (unless --no-gitignore); both in gitignore syntax, "!pattern" included.', IGNORE_FILE_NAME),
    l10n.t('.gitignore leaves out no file Git tracks; files it leaves out that a site\'s generator reads (generated docs) are read as pages and link targets, but not reported.'),
  ].join('\n');

const EXIT_USAGE = 2;
/** Log lines quote file names and settings: written printable, like the findings. */
const log = (message: string) => process.stderr.write(printable(message) + '\n');

async function main(argv: string[]): Promise<number> {
  useLocale(localeFromEnvironment(), bundledL10nFolder());
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(usage() + '\n');
    return command === undefined ? EXIT_USAGE : 0;
  }
  if (command === '--version' || command === '-v') {
    process.stdout.write(`${PACKAGE_VERSION}\n`);
    return 0;
  }
  if (command === 'server') {
    // The language server's own entry, which starts it on load, reading its transport (--stdio,
    // --node-ipc, --socket=N) from process.argv; bundled apart as dist/server.js, not twice.
    require('../lsp/main');
    return -1;
  }
  if (['check', 'tags', 'terms', 'translations'].includes(command) && rest.some((arg) => arg === '--help' || arg === '-h')) {
    process.stdout.write(usage() + '\n');
    return 0;
  }
  if (command === 'check') return runCheck(rest);
  if (command === 'tags') return runTags(rest);
  if (command === 'terms') return runTerms(rest);
  if (command === 'translations') return runTranslations(rest);
  throw new UsageError(l10n.t('Unknown command "{0}".', command));
}

const COMMON_OPTIONS = { config: { type: 'string' }, locale: { type: 'string' }, 'ignore-path': { type: 'string' }, 'no-gitignore': { type: 'boolean' } } as const;

/** The language of the messages, then the settings and workspace of the given paths; a bad settings file fails the run. */
async function settingsFrom(values: { config?: string; locale?: string; 'ignore-path'?: string; 'no-gitignore'?: boolean }, paths: string[]) {
  if (values.locale !== undefined) useLocale(values.locale, bundledL10nFolder());
  const options = { config: values.config, ignorePath: values['ignore-path'], gitignore: values['no-gitignore'] !== true };
  return cliWorkspace(paths, process.cwd(), options, log);
}

async function runCheck(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { ...COMMON_OPTIONS, format: { type: 'string', default: 'text' }, fix: { type: 'boolean', default: false } },
  });
  const format = values.format as Format;
  if (!FORMATS.includes(format)) {
    throw new UsageError(l10n.t('Unknown format "{0}": use {1}.', String(values.format), FORMATS.join(', ')));
  }
  const { settings, workspace } = await settingsFrom(values, positionals);
  const result = await check(positionals, process.cwd(), settings, log, values.fix, workspace);
  const color = process.stdout.isTTY === true && !process.env.NO_COLOR ? true : Boolean(process.env.FORCE_COLOR && process.env.FORCE_COLOR !== '0');
  process.stdout.write(formatResult(result, format, { color, cwd: process.cwd(), version: PACKAGE_VERSION, repository: PACKAGE_REPOSITORY }));
  return exitCodeOf(result);
}

async function runTerms(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { ...COMMON_OPTIONS, format: { type: 'string', default: 'text' } } });
  if (values.format !== 'text' && values.format !== 'json') throw new UsageError(l10n.t('Unknown format "{0}": use {1}.', String(values.format), 'text, json'));
  const { settings, workspace } = await settingsFrom(values, positionals);
  const { index, files } = await loadForCli(positionals, process.cwd(), settings, log, log, workspace);
  const rows = termRows(index, files, process.cwd());
  process.stdout.write(values.format === 'json' ? `${JSON.stringify(rows, undefined, 2)}\n` : termsAsText(rows));
  return 0;
}

async function runTranslations(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    // Here --locale chooses the translations reported; messages follow the environment's language.
    options: { ...COMMON_OPTIONS, format: { type: 'string', default: 'text' }, diff: { type: 'boolean', default: false }, strict: { type: 'boolean', default: false } },
  });
  const format = values.format as TranslationFormat;
  if (!TRANSLATION_FORMATS.includes(format)) throw new UsageError(l10n.t('Unknown format "{0}": use {1}.', String(values.format), TRANSLATION_FORMATS.join(', ')));
  const { settings, workspace } = await settingsFrom({ ...values, locale: undefined }, positionals);
  const options = { ...(values.locale === undefined ? {} : { locale: values.locale }), format, diff: values.diff };
  const report = await translationsReport(positionals, process.cwd(), settings, options, log, workspace);
  // A locale misspelt in a CI job must not pass the gate by reporting nothing.
  if (options.locale !== undefined && !report.translatedInto.some((locale) => sameLocale(locale, options.locale!))) {
    throw new UsageError(l10n.t('No site translates into "{0}"; its translations are in: {1}.', options.locale, report.translatedInto.join(', ') || '-'));
  }
  process.stdout.write(await formatTranslations(report, process.cwd(), options, log));
  const outdated = report.originals.some((original) => original.translations.some((translation) => translation.state === 'outdated'));
  return values.strict && outdated ? 1 : 0;
}

async function runTags(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { ...COMMON_OPTIONS, write: { type: 'boolean', default: false } } });
  const { settings, workspace } = await settingsFrom(values, positionals);
  const { index, scope } = await loadForCli(positionals, process.cwd(), settings, log, undefined, workspace);
  const change = tagsFileChangeOrReason(index);
  if (change.edits.length === 0) {
    log(l10n.t('Every tag is declared in the tags file that governs its document.'));
    return 0;
  }
  const shown = (uri: string) => path.relative(process.cwd(), uriToFsPath(uri));
  if (!values.write) {
    // Several tags files: each addition under a YAML comment naming its file.
    const named = change.edits.length > 1;
    process.stdout.write(change.edits.map(({ uri, edits }) => (named ? `# ${printable(shown(uri))}\n` : '') + edits[0].newText).join(named ? '\n' : ''));
    return 0;
  }
  // Appended to only where a walk of the glossary finds it, and only if it is UTF-8 throughout: all checked before any is written.
  const writes = change.edits.map(({ uri, edits }) => {
    const filePath = uriToFsPath(uri);
    const created = change.createFiles.includes(uri);
    if (!scope.isReachable(filePath)) throw new Error(l10n.t('Not written: {0} links to a file outside the checked folders.', shown(uri)));
    const bytes = created ? Buffer.alloc(0) : readBytesNow(filePath, log);
    const before = bytes === undefined ? undefined : exactUtf8(bytes);
    if (before === undefined) throw new Error(l10n.t('Not written: {0} is not a readable UTF-8 file.', shown(uri)));
    // The edits are of the text without its byte order mark, as the index read it; the mark is kept.
    const mark = before.length - withoutByteOrderMark(before).length;
    return { uri, filePath, created, text: before.slice(0, mark) + applyEdits(new LineIndex(before.slice(mark)), edits) };
  });
  for (const { uri, filePath, created, text } of writes) {
    try {
      writeTextFileNow(filePath, text, scope, created);
    } catch (error) {
      throw new Error(l10n.t('Not written: cannot write {0}: {1}', shown(uri), (error as Error).message));
    }
    log(l10n.t('Wrote {0}.', shown(uri)));
  }
  return 0;
}

/** The tags to add to the tags files that govern the glossary's documents; a tags file that refuses them is a failure, with its reason. */
function tagsFileChangeOrReason(index: Parameters<typeof tagsFileChange>[0]) {
  try {
    return tagsFileChange(index, fileUri(process.cwd()));
  } catch (error) {
    if (error instanceof TagsFileError) throw new Error(`${path.relative(process.cwd(), uriToFsPath(error.uri))}: ${error.message}`);
    throw error;
  }
}

/** "de_DE.UTF-8" -> "de-de", from the variables a POSIX program reads its language from. */
function localeFromEnvironment(): string | undefined {
  const value = process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG;
  if (!value || value === 'C' || value === 'POSIX') return undefined;
  return value.split('.')[0].replace('_', '-');
}

declare const PACKAGE_VERSION: string;
/** The project's web address, from package.json's `repository`. */
declare const PACKAGE_REPOSITORY: string;

tuneGarbageCollection();
// A reader that stops early (`| head`) closes the pipe: what is left unwritten is not wanted, and the exit code stays the check's.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
});
main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exitCode = code;
  },
  (error: Error) => {
    const isUsage = error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    if (error instanceof SettingsFileError) error.problems.forEach(log);
    process.stderr.write(`markdown-glossary: ${printable(error.message)}\n${isUsage ? '\n' + usage() + '\n' : ''}`);
    process.exitCode = EXIT_USAGE;
  },
);
