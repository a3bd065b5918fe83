import * as path from 'node:path';
import { fileUri, uriToFsPath } from '../common/uris';
import type { GlossaryIndex } from '../index/glossaryIndex';
import type { UnpublishedReason } from '../site/siteTypes';
import { printable } from './formats';

/** One Markdown file as the site model and the index see it: what `markdown-glossary terms` prints. */
export interface TermRow {
  /** Relative to the working folder, with `/`. */
  file: string;
  /** The generator's id of the page (Docusaurus doc id; Hugo: the content path without extension); '' without a site. */
  docId: string;
  /** Set for a glossary entry (a file with front matter). */
  title?: string;
  aliases: string[];
  tags: string[];
  locale?: string;
  /** The same page in the site's other locales. */
  translations: Array<{ locale: string; file: string }>;
  /** What a link in a page of the same locale writes to reach it; '' when unpublished. */
  route: string;
  /** The URL path the page is built at, with base URL and locale prefix; '' when unpublished. */
  permalink: string;
  published: boolean;
  unpublishedReason?: UnpublishedReason;
}

/** Every indexed Markdown file, by path, with what the site makes of it. */
export function termRows(index: GlossaryIndex, files: string[], cwd: string): TermRow[] {
  const relative = (uri: string) => path.relative(cwd, uriToFsPath(uri)).split(path.sep).join('/');
  return files.map((file) => {
    const uri = fileUri(file);
    const document = index.getDocument(uri);
    const page = index.pageOf(uri);
    const term = document?.term;
    const published = index.isBuilt(uri);
    return {
      file: relative(uri),
      docId: page?.docId ?? '',
      ...(term === undefined ? {} : { title: term.title }),
      aliases: term?.aliases ?? [],
      tags: term?.tags.map((tag) => tag.value) ?? [],
      ...(page === undefined ? {} : { locale: page.locale }),
      translations: index.translationsOf(uri).map((other) => ({ locale: index.pageOf(other)?.locale ?? '', file: relative(other) })),
      route: page?.route ?? '',
      permalink: page?.permalink ?? '',
      published,
      ...(published ? {} : { unpublishedReason: page?.unpublishedReason ?? 'outside' }),
    };
  });
}

/** One line per file: its route (or why it is not built), file, title and locale. */
export function termsAsText(rows: TermRow[]): string {
  return rows
    .map((row) => {
      const where = row.published ? row.permalink || '-' : `(${row.unpublishedReason})`;
      const locale = row.locale === undefined ? '' : ` [${printable(row.locale)}]`;
      // File names and titles are the workspace's: a line break in one must not start a line.
      return `${printable(where)}\t${printable(row.file)}${row.title === undefined ? '' : `\t${printable(row.title)}`}${locale}`;
    })
    .join('\n')
    .concat(rows.length > 0 ? '\n' : '');
}
