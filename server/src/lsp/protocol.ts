/**
 * The requests and notifications this server adds to LSP, shared with the VS Code client.
 * Other editors can use them too; none is needed for the standard features.
 */

/** Server -> client, after indexing and whenever problems change. */
export const STATUS_NOTIFICATION = 'markdownGlossary/status';
export interface StatusParams {
  terms: number;
  problems: number;
  indexing: boolean;
}

/** Terms matching a query, best first, for a search picker. */
export const SEARCH_TERMS_REQUEST = 'markdownGlossary/searchTerms';
export interface SearchTermsParams {
  query: string;
}
export interface TermSummary {
  uri: string;
  title: string;
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
