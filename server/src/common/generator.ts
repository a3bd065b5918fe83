/** The site generators whose builds the glossary follows; the parser reads a file as its site's generator does. */
export type Generator = 'docusaurus' | 'hugo';

/** Docusaurus's `markdown.format`: how it compiles a page whose front matter does not say (`detect`: `.mdx` files as MDX). */
export type MarkdownFormat = 'mdx' | 'md' | 'detect';

/**
 * How the parser reads a file: as Hugo does, as Docusaurus does with the site's `markdown.format`
 * (`docusaurus` for its default, `mdx`), or as neither (undefined).
 */
export type Reader = 'hugo' | 'docusaurus' | 'docusaurus-md' | 'docusaurus-detect';

/** Readers by number, for sending to the parsing thread: none is 0. */
const READER_CODES: ReadonlyArray<Reader | undefined> = [undefined, 'docusaurus', 'hugo', 'docusaurus-md', 'docusaurus-detect'];

export function readerCode(reader: Reader | undefined): number {
  return READER_CODES.indexOf(reader);
}

export function readerOfCode(code: number): Reader | undefined {
  return READER_CODES[code];
}

/** The reader of a generator's files, with Docusaurus's `markdown.format`. */
export function readerFor(generator: Generator, markdownFormat: MarkdownFormat = 'mdx'): Reader {
  return generator === 'hugo' || markdownFormat === 'mdx' ? generator : `docusaurus-${markdownFormat}`;
}

/** The generator that reads a file so. */
export function generatorOfReader(reader: Reader | undefined): Generator | undefined {
  return reader === undefined ? undefined : reader === 'hugo' ? 'hugo' : 'docusaurus';
}

/** Docusaurus's `markdown.format` a reader reads with; undefined for Hugo and none. */
export function markdownFormatOf(reader: Reader | undefined): MarkdownFormat | undefined {
  return reader === 'docusaurus' ? 'mdx' : reader === 'docusaurus-md' ? 'md' : reader === 'docusaurus-detect' ? 'detect' : undefined;
}
