import * as l10n from '@vscode/l10n';

export interface FrontMatterKey {
  key: string;
  /** What the key means, for completion and hover. */
  documentation: () => string;
  /** The value a completion inserts after "key: ", as a snippet. */
  valueSnippet: string;
}

/** The front-matter keys of a Docusaurus doc that a glossary entry uses, plus `aliases`, `not_mentions` and `translated_from`. */
export const FRONT_MATTER_KEYS: readonly FrontMatterKey[] = [
  { key: 'id', valueSnippet: '$1', documentation: () => l10n.t('Unique identifier of the term; the last part of its URL. Defaults to the file name.') },
  { key: 'title', valueSnippet: '$1', documentation: () => l10n.t('The term as shown in hovers, links and the page title. Defaults to the first heading.') },
  { key: 'aliases', valueSnippet: '[$1]', documentation: () => l10n.t('Other names of the term, such as abbreviations and synonyms: recognised in text and offered in completion.') },
  {
    key: 'not_mentions',
    valueSnippet: '[$1]',
    documentation: () => l10n.t('Phrases in which the name of the term means something else, such as [bei Bedarf, at runtime]: not recognised as mentions of it.'),
  },
  {
    key: 'translated_from',
    valueSnippet: '$1',
    documentation: () => l10n.t('In a translation: the commit (or date) of the original it was made from. Changes of the original after it make the translation outdated.'),
  },
  { key: 'tags', valueSnippet: '[$1]', documentation: () => l10n.t('Tags of the term: keys of the tags file (tags.yml).') },
  { key: 'description', valueSnippet: '$1', documentation: () => l10n.t('A short description for search engines and link previews.') },
  { key: 'slug', valueSnippet: '/$1', documentation: () => l10n.t('The URL path of the page, in place of the one made from its folder and id.') },
  { key: 'sidebar_position', valueSnippet: '${1:1}', documentation: () => l10n.t('The position of the page in its sidebar category.') },
  { key: 'sidebar_label', valueSnippet: '$1', documentation: () => l10n.t('The text shown in the sidebar in place of the title.') },
  { key: 'keywords', valueSnippet: '[$1]', documentation: () => l10n.t('Keywords for search engines.') },
  { key: 'draft', valueSnippet: '${1|true,false|}', documentation: () => l10n.t('true: the page is built in development only.') },
  { key: 'unlisted', valueSnippet: '${1|true,false|}', documentation: () => l10n.t('true: the page is built but not listed in the sidebar, the sitemap or search.') },
  { key: 'hide_title', valueSnippet: '${1|true,false|}', documentation: () => l10n.t('true: the title is not shown at the top of the page.') },
  { key: 'image', valueSnippet: '$1', documentation: () => l10n.t('An image shown in link previews of the page.') },
];

/** Further Docusaurus doc keys: known, so never taken for a typo, but not offered by completion (`aka`: the glossary's further names, as `aliases`). */
const OTHER_DOCUSAURUS_KEYS = [
  'aka',
  'pagination_label',
  'sidebar_class_name',
  'sidebar_key',
  'sidebar_custom_props',
  'displayed_sidebar',
  'hide_table_of_contents',
  'toc_min_heading_level',
  'toc_max_heading_level',
  'pagination_next',
  'pagination_prev',
  'parse_number_prefixes',
  'custom_edit_url',
  'last_update',
  'title_meta',
];

export const KNOWN_KEYS: ReadonlySet<string> = new Set([...FRONT_MATTER_KEYS.map(({ key }) => key), ...OTHER_DOCUSAURUS_KEYS]);

/** The front-matter keys Hugo 0.111 reads itself (in any case), with its default taxonomies. */
const HUGO_KEYS = [
  'aliases', 'audio', 'build', '_build', 'cascade', 'categories', 'date', 'description', 'draft', 'expiryDate', 'headless', 'images',
  'isCJKLanguage', 'keywords', 'layout', 'lastmod', 'linkTitle', 'markup', 'menu', 'menus', 'outputs', 'publishDate', 'published', 'pubdate',
  'resources', 'series', 'sitemap', 'slug', 'summary', 'tags', 'title', 'translationKey', 'type', 'unpublishdate', 'url', 'videos', 'weight',
];

/** The keys a glossary entry in a Hugo site may have: Hugo's own and the glossary's (`id`, `aka`, `not_mentions`, `translated_from`). */
export const KNOWN_HUGO_KEYS: ReadonlySet<string> = new Set([...HUGO_KEYS, 'id', 'aka', 'not_mentions', 'translated_from']);
