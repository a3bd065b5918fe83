import { decodeHTMLStrict } from 'entities';

// HTML's character references, in a bundle of their own (dist/htmlEntities.js, see esbuild.mjs): the
// table of 2,231 names is large, and only a fix that writes a heading's text as shown needs it.

/** The text a character reference (`&uuml;`, `&#35;`) stands for; one HTML does not know stays as written. */
export function decodedReference(reference: string): string {
  return decodeHTMLStrict(reference);
}
