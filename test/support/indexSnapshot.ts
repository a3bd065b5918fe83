import { readFileSync } from 'node:fs';
import { DEFAULT_SETTINGS } from '../../server/src/common/settings';
import { LineIndex } from '../../server/src/common/text';
import { fileUri } from '../../server/src/common/uris';
import { hover } from '../../server/src/features/hover';
import { documentDiagnostics } from '../../server/src/features/diagnostics/documentDiagnostics';
import type { GlossaryIndex } from '../../server/src/index/glossaryIndex';

/**
 * What the features can observe of an index, in an order that does not depend on history: terms,
 * names (also `probeNames`), links, tags, every document's diagnostics, mentions in `probeText`.
 */
export function indexSnapshot(index: GlossaryIndex, documents: Map<string, string>, probeNames: string[], probeText: string): unknown {
  const sorted = (uris: Iterable<string>) => [...uris].sort();
  const terms = [...index.terms()].sort((a, b) => (a.uri < b.uri ? -1 : 1));
  const names = new Set([...probeNames, ...terms.flatMap((term) => [term.id, term.title, ...term.aliases])]);
  const settings = { ...DEFAULT_SETTINGS, unlinkedMentions: true };
  const mentions = (compoundTails: boolean) => {
    index.matcher.matchCompoundTails = compoundTails;
    const found = index.matcher.findMentions(probeText).map((mention) => ({ ...mention, termUris: sorted(mention.termUris) }));
    index.matcher.matchCompoundTails = false;
    return found;
  };
  const documentUris = sorted([...index.documents()].map((document) => document.uri));
  return {
    documentUris,
    termCount: index.termCount,
    terms: terms.map((term) => ({ ...term, tags: term.tags })),
    tagUsage: [...index.tagUsage()].sort((a, b) => (a[0] < b[0] ? -1 : 1)),
    byName: [...names].sort().map((name) => ({
      name,
      withId: sorted(index.termsWithId(name).map((term) => term.uri)),
      named: sorted(index.termsNamed(name).map((term) => term.uri)),
    })),
    links: terms.map((term) => ({ uri: term.uri, incoming: index.incomingLinkCount(term), from: sorted(index.documentsLinkingTo(term)) })),
    diagnostics: documentUris.map((uri) => {
      const text = documents.get(uri);
      const diagnostics = documentDiagnostics(index, index.getDocument(uri)!, settings, text === undefined ? undefined : new LineIndex(text));
      return { uri, diagnostics: diagnostics.map((diagnostic) => ({ ...diagnostic, related: diagnostic.related?.slice().sort((a, b) => (a.uri < b.uri ? -1 : 1)) })) };
    }),
    mentions: mentions(false),
    compoundMentions: mentions(true),
    tagsFileFor: documentUris.map((uri) => index.tagsFileFor(uri)?.uri),
    tagUsers: [...index.tagUsage()].map(([tag]) => [tag, sorted(index.documentsUsingTag(tag))]).sort(),
  };
}

const PROBE_NAMES = ['Outsourcing', 'Cloud Native', 'Kubernetes', 'SLA'];
const PROBE_TEXT = 'Outsourcing in der Cloud: Kubernetes, Container und ein SLA für Microservices.';

/** Everything a user can see of an index of these files: their documents as parsed, the features' snapshot, and a hover at every link. */
export function userVisibleAnswers(index: GlossaryIndex, markdownFiles: string[]): unknown {
  const texts = new Map(markdownFiles.map((file) => [fileUri(file), readFileSync(file, 'utf8')]));
  const hovers: unknown[] = [];
  for (const [uri, text] of texts) {
    const document = index.getDocument(uri);
    if (document === undefined) continue;
    const lines = new LineIndex(text);
    for (const link of document.body.links) hovers.push(hover(index, document, lines, link.textRange.start)?.markdown);
  }
  return {
    documents: [...texts.keys()].map((uri) => index.getDocument(uri)),
    snapshot: indexSnapshot(index, texts, PROBE_NAMES, PROBE_TEXT),
    hovers,
  };
}
