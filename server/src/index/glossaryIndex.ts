import { ancestorFolders, canonicalUri, parentUri } from '../common/uris';
import { parseDocument, type GlossaryTerm, type ParsedDocument } from '../parsing/document';
import { parseTagsFile, type TagsFile } from '../parsing/tagsFile';
import { TermMatcher } from './termMatcher';

/**
 * The glossary: every parsed Markdown document, the terms they define and the tags files that
 * declare tags. Updated one file at a time; it never reads files itself.
 */
export class GlossaryIndex {
  private readonly documentsByUri = new Map<string, ParsedDocument>();
  private readonly tagsFilesByFolder = new Map<string, TagsFile>();
  private tagsFileOverrideUri: string | undefined;
  readonly matcher = new TermMatcher();

  /** Parses a document's text and stores the result in place of any earlier version. */
  setDocument(uri: string, text: string): ParsedDocument {
    const parsed = parseDocument(canonicalUri(uri), text);
    this.setParsedDocument(parsed);
    return parsed;
  }

  /** Stores a document that was already parsed, so a caller holding the text parses only once. */
  setParsedDocument(parsed: ParsedDocument): void {
    const previous = this.documentsByUri.get(parsed.uri);
    this.documentsByUri.set(parsed.uri, parsed);
    if (parsed.term === undefined) {
      if (previous?.term !== undefined) this.matcher.removeTerm(parsed.uri);
    } else if (previous?.term === undefined || !sameNames(previous.term, parsed.term)) {
      this.matcher.setTerm(parsed.uri, namesOf(parsed.term));
    }
  }

  removeDocument(uri: string): void {
    const key = canonicalUri(uri);
    if (this.documentsByUri.get(key)?.term !== undefined) this.matcher.removeTerm(key);
    this.documentsByUri.delete(key);
  }

  getDocument(uri: string): ParsedDocument | undefined {
    return this.documentsByUri.get(canonicalUri(uri));
  }

  documents(): IterableIterator<ParsedDocument> {
    return this.documentsByUri.values();
  }

  get documentCount(): number {
    return this.documentsByUri.size;
  }

  *terms(): Generator<GlossaryTerm> {
    for (const document of this.documentsByUri.values()) {
      if (document.term !== undefined) yield document.term;
    }
  }

  termOf(uri: string): GlossaryTerm | undefined {
    return this.documentsByUri.get(canonicalUri(uri))?.term;
  }

  setTagsFile(uri: string, text: string): TagsFile {
    const tagsFile = parseTagsFile(canonicalUri(uri), text);
    this.tagsFilesByFolder.set(parentUri(tagsFile.uri), tagsFile);
    return tagsFile;
  }

  removeTagsFile(uri: string): void {
    const folder = parentUri(canonicalUri(uri));
    if (this.tagsFilesByFolder.get(folder)?.uri === canonicalUri(uri)) this.tagsFilesByFolder.delete(folder);
  }

  getTagsFile(uri: string): TagsFile | undefined {
    const tagsFile = this.tagsFilesByFolder.get(parentUri(canonicalUri(uri)));
    return tagsFile?.uri === canonicalUri(uri) ? tagsFile : undefined;
  }

  /** Makes one tags file, loaded with setTagsFile, apply to every document (a setting). */
  setTagsFileOverride(uri: string | undefined): void {
    this.tagsFileOverrideUri = uri === undefined ? undefined : canonicalUri(uri);
  }

  /** The tags file that governs a document: the override, else the nearest one in its folder or above. */
  tagsFileFor(documentUri: string): TagsFile | undefined {
    if (this.tagsFileOverrideUri !== undefined) return this.getTagsFile(this.tagsFileOverrideUri);
    for (const folder of ancestorFolders(canonicalUri(documentUri))) {
      const tagsFile = this.tagsFilesByFolder.get(folder);
      if (tagsFile !== undefined) return tagsFile;
    }
    return undefined;
  }
}

function namesOf(term: GlossaryTerm): string[] {
  return [term.title, ...term.aliases];
}

function sameNames(a: GlossaryTerm, b: GlossaryTerm): boolean {
  const namesA = namesOf(a);
  const namesB = namesOf(b);
  return namesA.length === namesB.length && namesA.every((name, index) => name === namesB[index]);
}
