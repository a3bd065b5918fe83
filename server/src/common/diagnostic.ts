import type { Range } from './text';

export type Severity = 'error' | 'warning' | 'information' | 'hint';

/**
 * Every rule with its stable, kebab-case code (in CLI output, JSON, editor problem lists and
 * settings) and its default severity. docs/rules.md explains each with examples.
 */
export const RULES = {
  'yaml-syntax': 'warning',
  'duplicate-key': 'warning',
  'unclosed-front-matter': 'error',
  'misplaced-front-matter': 'warning',
  'front-matter-language': 'error',
  'front-matter-not-a-map': 'error',
  'site-config': 'error',
  'unknown-tag': 'warning',
  'duplicate-tag': 'warning',
  'tags-not-a-list': 'warning',
  'empty-tag': 'warning',
  'padded-tag': 'warning',
  'tag-variant': 'warning',
  'unknown-key': 'warning',
  'missing-key': 'warning',
  'invalid-id': 'warning',
  'invalid-front-matter': 'error',
  'invalid-mdx': 'error',
  'id-differs-from-file-name': 'hint',
  'title-differs-from-heading': 'hint',
  'duplicate-id': 'warning',
  'duplicate-title': 'warning',
  'duplicate-route': 'warning',
  'broken-link': 'warning',
  'broken-anchor': 'warning',
  'broken-image': 'warning',
  'broken-import': 'error',
  'unknown-shortcode': 'warning',
  'unclosed-shortcode': 'warning',
  'closed-shortcode': 'warning',
  'missing-param': 'warning',
  'unlinked-mention': 'information',
  'invalid-not-mentions': 'warning',
  'invalid-translated-from': 'warning',
  'outdated-translation': 'hint',
  'missing-translation': 'hint',
  'invalid-disable-comment': 'warning',
} as const satisfies Record<string, Severity>;

export type DiagnosticCode = keyof typeof RULES;

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
  /** The text that would fix the problem in place of `range`, when there is one. */
  suggestion?: string;
  /** A fix elsewhere than at `range`: where MDX took text for a tag or an expression (`subject`: the kind of fix). */
  edit?: { range: Range; newText: string };
  /** Set when the fix removes the list item at `range` (a tag listed twice, empty, or a variant of one listed). */
  removesItem?: true;
  /** What the problem is about, for fixes that need it: the tag of `unknown-tag`, the key of `missing-key`. */
  subject?: string;
  /** Set when the site's generator fails to build on it: an error unless the settings say otherwise. */
  breaksBuild?: true;
  /** Set when the fix of a rule whose fixes are safe might change what the file means here: it is offered, never applied without asking (`check --fix`, fix all). */
  askFirst?: true;
}
