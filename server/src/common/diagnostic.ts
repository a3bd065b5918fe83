import type { Range } from './text';

export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** Stable, kebab-case rule codes: they appear in CLI output, JSON and editor problem lists. */
export type DiagnosticCode =
  | 'yaml-syntax'
  | 'duplicate-key'
  | 'unclosed-front-matter'
  | 'front-matter-language'
  | 'front-matter-not-a-map'
  | 'unknown-tag';

export interface RelatedLocation {
  uri: string;
  range: Range;
  message: string;
}

/** A problem found in a document, independent of LSP so the CLI can print the same thing. */
export interface GlossaryDiagnostic {
  range: Range;
  severity: Severity;
  code: DiagnosticCode;
  message: string;
  related?: RelatedLocation[];
}
