import * as l10n from '@vscode/l10n';
import type { DiagnosticCode } from './diagnostic';

/** One line on what each rule finds, for SARIF and other rule listings; docs/rules.md has the detail. */
export function ruleSummary(code: DiagnosticCode): string {
  switch (code) {
    case 'yaml-syntax':
      return l10n.t('YAML that cannot be parsed.');
    case 'duplicate-key':
      return l10n.t('A front-matter key written twice.');
    case 'unclosed-front-matter':
      return l10n.t('Front matter that is never closed.');
    case 'misplaced-front-matter':
      return l10n.t('Front matter after blank lines, which is read as Markdown.');
    case 'front-matter-language':
      return l10n.t('Front matter in a language other than YAML.');
    case 'front-matter-not-a-map':
      return l10n.t('Front matter that is not a map of keys.');
    case 'site-config':
      return l10n.t('A site configuration file that cannot be read.');
    case 'unknown-tag':
      return l10n.t('A tag the tags file does not declare.');
    case 'duplicate-tag':
      return l10n.t('A tag listed twice.');
    case 'tags-not-a-list':
      return l10n.t('Tags that are not a list.');
    case 'empty-tag':
      return l10n.t('An empty tag.');
    case 'padded-tag':
      return l10n.t('A tag with blanks around it.');
    case 'tag-variant':
      return l10n.t('A rare variant of a more common tag.');
    case 'unknown-key':
      return l10n.t('A misspelt front-matter key.');
    case 'missing-key':
      return l10n.t('A required front-matter key is missing.');
    case 'invalid-id':
      return l10n.t('An id Docusaurus rejects.');
    case 'invalid-front-matter':
      return l10n.t('A front-matter value the site generator refuses to build.');
    case 'invalid-mdx':
      return l10n.t('A page that MDX cannot compile.');
    case 'id-differs-from-file-name':
      return l10n.t('An id that differs from the file name.');
    case 'title-differs-from-heading':
      return l10n.t('A title that differs from the H1.');
    case 'duplicate-id':
      return l10n.t('An id that another entry declares too.');
    case 'duplicate-title':
      return l10n.t('A title that another entry has too.');
    case 'duplicate-route':
      return l10n.t('A page the site builds at the URL of another.');
    case 'broken-link':
      return l10n.t('A link to a glossary entry that does not exist.');
    case 'broken-anchor':
      return l10n.t('A link to an anchor its page does not have.');
    case 'broken-image':
      return l10n.t('An image whose file is not there.');
    case 'broken-import':
      return l10n.t('An import of a file that is not there.');
    case 'unknown-shortcode':
      return l10n.t('A Hugo shortcode without a template.');
    case 'unclosed-shortcode':
      return l10n.t('A Hugo shortcode that must be closed, left open.');
    case 'closed-shortcode':
      return l10n.t('A Hugo shortcode closed whose template reads no .Inner.');
    case 'missing-param':
      return l10n.t('A parameter Hugo\'s param shortcode names that has no value.');
    case 'unlinked-mention':
      return l10n.t('A mention of a term that could be a link.');
    case 'invalid-not-mentions':
      return l10n.t('A not_mentions phrase that excludes nothing.');
    case 'invalid-translated-from':
      return l10n.t('A translated_from value that names no commit or date.');
    case 'outdated-translation':
      return l10n.t('A translation whose original changed since.');
    case 'missing-translation':
      return l10n.t('An entry not translated into every locale of its site.');
    case 'invalid-disable-comment':
      return l10n.t('A markdown-glossary-disable comment with an unknown rule or action.');
  }
}

/** Where docs/rules.md explains a rule, on the project's web address (package.json `repository`). */
export function ruleDocumentationUri(repository: string, code: string): string {
  return `${repository}/blob/main/docs/rules.md#${code}`;
}
