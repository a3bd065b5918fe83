import * as l10n from '@vscode/l10n';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { RULES, type DiagnosticCode, type Severity } from '../common/diagnostic';
import { ruleDocumentationUri, ruleSummary } from '../common/ruleSummaries';
import { encodePathSegment } from '../common/uris';
import { printable } from '../common/text';
import type { CheckResult, Finding } from './check';

export { printable };

export const FORMATS = ['text', 'json', 'sarif', 'github'] as const;
export type Format = (typeof FORMATS)[number];

/** The report in a format; `color` only for text on a terminal. */
export function formatResult(result: CheckResult, format: Format, options: { color: boolean; cwd: string; version: string; repository: string }): string {
  switch (format) {
    case 'json':
      return JSON.stringify(result.findings, null, 2) + '\n';
    case 'sarif':
      return JSON.stringify(sarif(result, options.cwd, options.version, options.repository), null, 2) + '\n';
    case 'github':
      return result.findings.map(githubAnnotation).join('');
    case 'text':
      return text(result, options.color);
  }
}

const ANSI: Record<Severity | 'dim' | 'reset', string> = {
  error: '\u001b[31m',
  warning: '\u001b[33m',
  information: '\u001b[36m',
  hint: '\u001b[2m',
  dim: '\u001b[2m',
  reset: '\u001b[0m',
};

/** `file:line:column severity message [code]`, one finding a line, and a summary. */
function text(result: CheckResult, color: boolean): string {
  const paint = (style: keyof typeof ANSI, value: string) => (color ? `${ANSI[style]}${value}${ANSI.reset}` : value);
  const lines = result.findings.map(
    (finding) =>
      `${printable(finding.file)}:${finding.line}:${finding.column} ${paint(finding.severity, finding.severity)} ${printable(finding.message)} ${paint('dim', `[${finding.code}]`)}`,
  );
  const count = (severity: Severity) => result.findings.filter((finding) => finding.severity === severity).length;
  const fixed = result.filesFixed;
  const notFixed = result.filesNotFixed;
  if (fixed > 0) lines.push(fixed === 1 ? l10n.t('Fixed 1 file.') : l10n.t('Fixed {0} files.', fixed));
  if (notFixed > 0) lines.push(notFixed === 1 ? l10n.t('Could not fix 1 file (see above).') : l10n.t('Could not fix {0} files (see above).', notFixed));
  const [problems, errors, warnings, files] = [result.findings.length, count('error'), count('warning'), result.filesChecked];
  // A phrase per count, each in the singular or the plural, which the sentence then joins.
  lines.push(
    l10n.t(
      '{0} ({1}, {2}) in {3}.',
      problemCount(problems),
      errors === 1 ? l10n.t('1 error') : l10n.t('{0} errors', errors),
      warnings === 1 ? l10n.t('1 warning') : l10n.t('{0} warnings', warnings),
      files === 1 ? l10n.t('1 file checked') : l10n.t('{0} files checked', files),
    ),
  );
  return lines.join('\n') + '\n';
}

export function problemCount(problems: number): string {
  return problems === 1 ? l10n.t('1 problem') : l10n.t('{0} problems', problems);
}

/** A GitHub Actions workflow command, which shows as an annotation on the changed line. */
function githubAnnotation(finding: Finding): string {
  const command = finding.severity === 'error' ? 'error' : finding.severity === 'warning' ? 'warning' : 'notice';
  const property = (value: string) => escapeData(printable(value)).replace(/:/g, '%3A').replace(/,/g, '%2C');
  const properties = [
    `file=${property(finding.file)}`,
    `line=${finding.line}`,
    `col=${finding.column}`,
    `endLine=${finding.endLine}`,
    `endColumn=${finding.endColumn}`,
    `title=${property(`markdown-glossary ${finding.code}`)}`,
  ];
  return `::${command} ${properties.join(',')}::${escapeData(printable(finding.message))}\n`;
}

function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

const SARIF_LEVELS: Record<Severity, string> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

/**
 * SARIF 2.1.0, as code-scanning tools read it: the tool and every rule with its description and
 * help (what GitHub's ingestion requires), and each finding with its region. `repository` is the
 * project's web address, where docs/rules.md explains each rule.
 */
function sarif(result: CheckResult, cwd: string, version: string, repository: string) {
  const codes = Object.keys(RULES) as DiagnosticCode[];
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'markdown-glossary',
            version,
            semanticVersion: version,
            informationUri: repository,
            rules: codes.map((code) => ({
              id: code,
              name: code.replace(/(?:^|-)([a-z])/g, (_, letter: string) => letter.toUpperCase()),
              shortDescription: { text: ruleSummary(code) },
              fullDescription: { text: ruleSummary(code) },
              helpUri: ruleDocumentationUri(repository, code),
              help: { text: `${ruleSummary(code)} ${ruleDocumentationUri(repository, code)}`, markdown: `${ruleSummary(code)} [docs/rules.md](${ruleDocumentationUri(repository, code)})` },
              defaultConfiguration: { level: SARIF_LEVELS[RULES[code]] },
            })),
          },
        },
        originalUriBaseIds: { SRCROOT: { uri: pathToFileURL(cwd.endsWith(path.sep) ? cwd : cwd + path.sep).href } },
        results: result.findings.map((finding) => ({
          ruleId: finding.code,
          ruleIndex: codes.indexOf(finding.code as DiagnosticCode),
          level: SARIF_LEVELS[finding.severity],
          message: { text: finding.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: relativeUri(finding.file), uriBaseId: 'SRCROOT' },
                region: { startLine: finding.line, startColumn: finding.column, endLine: finding.endLine, endColumn: finding.endColumn },
              },
            },
          ],
        })),
      },
    ],
  };
}

/**
 * A relative path as a relative URI reference: each segment percent-encoded, so `#` and `?` are
 * no fragment or query and a `:` in the first segment no scheme; resolved against SRCROOT.
 */
function relativeUri(file: string): string {
  return file.split('/').map(encodePathSegment).join('/');
}
