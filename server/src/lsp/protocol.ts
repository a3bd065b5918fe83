/**
 * The requests and notifications this server adds to LSP, shared with the VS Code client.
 * Other editors can use them too; none is needed for the standard features.
 */
import type { GroupBy, TermGroup } from '../features/glossaryView';
import { COMMON_FILE_EXTENSIONS } from '../site/docusaurusAssets';

/**
 * The files besides the glossary's own that a client should report coming and going: images and
 * files pages link to, which Docusaurus fails to build without (see `assetRules.ts`).
 */
export const ASSET_FILES_GLOB = `**/*.{${[...COMMON_FILE_EXTENSIONS, ...COMMON_FILE_EXTENSIONS.map((extension) => extension.toUpperCase())].join(',')}}`;

/** The React pages of Docusaurus's pages plugin (`src/pages/team.js`): which routes the site has. */
export const PAGE_COMPONENTS_GLOB = '**/src/pages/**/*.{js,jsx,ts,tsx}';

/** Hugo's shortcode templates, the site's and its themes': which shortcodes pages may use. */
export const SHORTCODE_TEMPLATES_GLOB = '**/layouts/shortcodes/**';
/** Hugo 0.146's folders of shortcode templates (`layouts/_shortcodes/`, `layouts/docs/_shortcodes/`): a site with one is built by a later Hugo. */
export const NEW_SHORTCODE_TEMPLATES_GLOB = '**/_shortcodes/**';

/** Server -> client, after indexing and whenever problems change. */
export const STATUS_NOTIFICATION = 'markdownGlossary/status';
export interface StatusParams {
  terms: number;
  problems: number;
  indexing: boolean;
}

/**
 * Server -> client, when terms were added, removed or changed (names, tags, definitions), a tags file
 * or the settings changed, or the glossary was read again: what a rendered page or a view of the
 * glossary shows may have changed.
 */
export const GLOSSARY_CHANGED_NOTIFICATION = 'markdownGlossary/glossaryChanged';

/** Terms matching a query, best first, for a search picker. */
export const SEARCH_TERMS_REQUEST = 'markdownGlossary/searchTerms';
export interface SearchTermsParams {
  query: string;
}
export interface TermSummary {
  uri: string;
  title: string;
  /** The name a search found the term by: its title, or the alias that matched better. */
  name: string;
  aliases: string[];
  tags: string[];
  definition: string;
}

/** The text of a link from a document to a term, in the document's link style, showing the selected words or else the title. */
export const LINK_TO_TERM_REQUEST = 'markdownGlossary/linkToTerm';
export interface LinkToTermParams {
  documentUri: string;
  termUri: string;
  /** The selected text the link replaces: its words become the link text. */
  selectedText?: string;
}

/** Where a new term goes and its first text, from the new-term template. */
export const NEW_TERM_REQUEST = 'markdownGlossary/newTerm';
export interface NewTermParams {
  title: string;
  tags: string[];
}
export interface NewTermResult {
  uri: string;
  text: string;
}

/** The tags a new term can have: declared ones, else those in use. */
export const KNOWN_TAGS_REQUEST = 'markdownGlossary/knownTags';

export const GENERATE_TAGS_FILE_COMMAND = 'markdownGlossary.generateTagsFile';
export const REINDEX_COMMAND = 'markdownGlossary.reindex';

/** The translation status of the whole glossary, as a Markdown report whose links are file URIs. */
export const TRANSLATION_STATUS_REQUEST = 'markdownGlossary/translationStatus';
export interface TranslationStatusResult {
  markdown: string;
  outdated: number;
  missing: number;
  orphans: number;
}

/** The original of a translation as the translation knew it, to compare with the original now; null when no history says. */
export const ORIGINAL_AS_TRANSLATED_REQUEST = 'markdownGlossary/originalAsTranslated';
export interface OriginalAsTranslatedParams {
  translationUri: string;
}
export interface OriginalAsTranslatedResult {
  originalUri: string;
  /** The original's text at `version` ('' when it did not exist yet). */
  text: string;
  /** The commit, shortened. */
  version: string;
}

/** A command of the VS Code client, run by the quick fix on an outdated translation: the diff of its original since. */
export const SHOW_ORIGINAL_CHANGES_COMMAND = 'markdownGlossary.showOriginalChanges';

/** A command of the VS Code client, run by a term's code lens: Find All References at its title. */
export const SHOW_REFERENCES_COMMAND = 'markdownGlossary.showReferences';

/** What a term's code lens carries until it is resolved. */
export interface CodeLensData {
  termUri: string;
}

/** A server command: the safe fixes of every file, as one workspace edit the editor previews first. */
export const FIX_ALL_IN_WORKSPACE_COMMAND = 'markdownGlossary.fixAllInWorkspace';

/** The groups of a glossary view: terms by tag or by folder, matching a filter ('' for all). */
export const TERM_GROUPS_REQUEST = 'markdownGlossary/termGroups';
export interface TermGroupsParams {
  groupBy: GroupBy;
  filter: string;
}
export interface TermGroupsResult {
  groups: TermGroup[];
  /** Terms matching the filter, and all terms. */
  shown: number;
  total: number;
}

/** The terms of one group of a glossary view, sorted by title: the first thousand, and how many there are. */
export const GROUP_TERMS_REQUEST = 'markdownGlossary/groupTerms';
export interface GroupTermsParams extends TermGroupsParams {
  group: Pick<TermGroup, 'kind' | 'key'>;
}

/** The links to a term and its unlinked mentions, each with its line; null when the URI is no term. */
export const TERM_REFERENCES_REQUEST = 'markdownGlossary/termReferences';
export interface TermReferencesParams {
  termUri: string;
}

/** Every tag in use or declared, with its label, use and declaration. */
export const TAG_SUMMARIES_REQUEST = 'markdownGlossary/tagSummaries';

export type { GroupBy, GroupTerms, TagSummary, TermGroup, TermReferences, ViewTerm } from '../features/glossaryView';

/**
 * What VS Code's Markdown preview shows of the glossary in a text: the mentions and links the
 * editor recognises, with each term's tooltip and link. `uri` is the document rendered, when known:
 * links are then relative to it, and its locale and folder choose among terms of the same name.
 */
export const PREVIEW_MARKS_REQUEST = 'markdownGlossary/previewMarks';
export interface PreviewMarksParams {
  text: string;
  uri?: string;
}
export type { PreviewMark, PreviewMarks, PreviewTerm } from '../features/preview';
