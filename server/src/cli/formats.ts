import * as l10n from '@vscode/l10n';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { RULES, type DiagnosticCode, type Severity } from '../common/diagnostic';
import { ruleSummary } from '../common/ruleSummaries';
import type { CheckResult, Finding } from './check';

export const FORMATS = ['text', 'json', 'sarif', 'github'] as const;
export type Format = (typeof FORMATS)[number];

/** The report in a format; `color` only for text on a terminal. */
export function formatResult(result: CheckResult, format: Format, options: { color: boolean; cwd: string; version: string }): string {
  switch (format) {
    case 'json':
      return JSON.stringify(result.findings, null, 2) + '\n';
    case 'sarif':
      return JSON.stringify(sarif(result, options.cwd, options.version), null, 2) + '\n';
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
  if (result.filesFixed > 0) lines.push(l10n.t('Fixed {0} files.', result.filesFixed));
  if (result.filesNotFixed > 0) lines.push(l10n.t('Could not fix {0} files (see above).', result.filesNotFixed));
  lines.push(
    l10n.t('{0} problems ({1} errors, {2} warnings) in {3} files checked.', result.findings.length, count('error'), count('warning'), result.filesChecked),
  );
  return lines.join('\n') + '\n';
}

/**
 * Control characters, line and paragraph separators and bidirectional overrides written as escapes:
 * file names and messages quote the workspace's text, which must not start a line of its own (a
 * forged finding, or a workflow command in GitHub Actions), colour a terminal or reorder what it shows.
 */
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

export function printable(text: string): string {
  return text.replace(UNPRINTABLE, (character) => {
    const named = ({ '\n': '\\n', '\r': '\\r', '\t': '\\t' } as Record<string, string>)[character];
    return named ?? `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
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

/** SARIF 2.1.0, as code-scanning tools read it: every rule, and each finding with its region. */
function sarif(result: CheckResult, cwd: string, version: string) {
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
            rules: codes.map((code) => ({
              id: code,
              shortDescription: { text: ruleSummary(code) },
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
                artifactLocation: { uri: encodeURI(finding.file), uriBaseId: 'SRCROOT' },
                region: { startLine: finding.line, startColumn: finding.column, endLine: finding.endLine, endColumn: finding.endColumn },
              },
            },
          ],
        })),
      },
    ],
  };
}
