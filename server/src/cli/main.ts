import * as l10n from '@vscode/l10n';
import { parseArgs } from 'node:util';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from '../lsp/server';
import { bundledL10nFolder, useLocale } from '../workspace/translations';
import { check, exitCodeOf, formatJson, formatText, UsageError } from './check';

const usage = () =>
  [
    l10n.t('Usage:'),
    '  markdown-glossary check [paths...] [--format text|json] [--locale de]',
    '  markdown-glossary server --stdio | --node-ipc',
    '  markdown-glossary --help | --version',
    '',
    l10n.t('check    Lints the glossary in the given files and folders (default: the current folder).'),
    l10n.t('         Exit code: 0 no errors, 1 errors found, 2 bad usage or failure.'),
    l10n.t('server   Runs the language server for an editor.'),
  ].join('\n');

const EXIT_USAGE = 2;

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
    // The connection reads its transport (--stdio, --node-ipc, --socket=N) from process.argv.
    startServer(createConnection(ProposedFeatures.all));
    return -1;
  }
  if (command === 'check') return runCheck(rest);
  throw new UsageError(l10n.t('Unknown command "{0}".', command));
}

async function runCheck(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { format: { type: 'string', default: 'text' }, locale: { type: 'string' } },
  });
  if (values.format !== 'text' && values.format !== 'json') {
    throw new UsageError(l10n.t('Unknown format "{0}": use text or json.', String(values.format)));
  }
  if (values.locale !== undefined) useLocale(values.locale, bundledL10nFolder());
  const result = await check(positionals.length > 0 ? positionals : ['.'], process.cwd(), (message) =>
    process.stderr.write(message + '\n'),
  );
  process.stdout.write(values.format === 'json' ? formatJson(result) : formatText(result));
  return exitCodeOf(result);
}

/** "de_DE.UTF-8" -> "de-de", from the variables a POSIX program reads its language from. */
function localeFromEnvironment(): string | undefined {
  const value = process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG;
  if (!value || value === 'C' || value === 'POSIX') return undefined;
  return value.split('.')[0].replace('_', '-');
}

declare const PACKAGE_VERSION: string;

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exitCode = code;
  },
  (error: Error) => {
    const isUsage = error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    process.stderr.write(`markdown-glossary: ${error.message}\n${isUsage ? '\n' + usage() + '\n' : ''}`);
    process.exitCode = EXIT_USAGE;
  },
);
