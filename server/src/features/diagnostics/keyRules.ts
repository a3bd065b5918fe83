import * as l10n from '@vscode/l10n';
import type { GlossaryDiagnostic } from '../../common/diagnostic';
import { KNOWN_HUGO_KEYS, KNOWN_KEYS } from '../../common/frontMatterKeys';
import type { GlossarySettings } from '../../common/settings';
import type { Range } from '../../common/text';
import { fileStem } from '../../common/uris';
import { termField, type ParsedDocument } from '../../parsing/document';
import { distance } from 'fastest-levenshtein';
import { isCaseOrNumberVariant } from './similarity';
import { yamlString } from '../yamlEdits';
import { docusaurusFrontMatterProblems } from '../../site/docusaurusFrontMatter';
import { inShortcodeBody } from '../../parsing/hugoShortcodes';
import type { Heading } from '../../parsing/markdown';

/** The H1 that names the page's term: its first heading, else the first H1 after other headings. */
export function firstH1(document: ParsedDocument): Heading | undefined {
  return document.term?.heading ?? document.body.headings.find((heading) => heading.level === 1 && heading.text !== '');
}

/**
 * Keys that decide which page a file is, where it is built or whether it is: renaming `ID:` to
 * `id:` makes the key count, and changes what sidebars and links reach. Offered, never applied unasked.
 */
const PAGE_DECIDING_KEYS = new Set(['id', 'slug', 'draft', 'unlisted']);

/**
 * Key rules: misspelt keys, required keys, and what Docusaurus makes of the id and title. In a
 * Hugo site the keys are Hugo's, in any case, as Hugo reads them. `noTitleNeeded`: a page that needs
 * no title of its own, as a Hugo section's `_index` file (Hugo titles it by its folder) or a page
 * Hugo does not render (a headless bundle of snippets).
 */
export function keyDiagnostics(document: ParsedDocument, settings: GlossarySettings, generator?: 'docusaurus' | 'hugo', noTitleNeeded = false): GlossaryDiagnostic[] {
  const frontMatter = document.frontMatter;
  if (frontMatter === undefined || document.term === undefined) return [];
  const diagnostics: GlossaryDiagnostic[] = [];
  const inHugo = generator === 'hugo';
  const spelling = (key: string) => (inHugo ? key.toLowerCase() : key);
  const known = [...(inHugo ? KNOWN_HUGO_KEYS : KNOWN_KEYS), ...settings.extraKeys];
  const allowed = new Set(known.map(spelling));

  // A key is only renamed to one the front matter does not have yet, so that no fix makes a duplicate key.
  const taken = new Set(frontMatter.fields.map((field) => spelling(field.key)));
  for (const field of frontMatter.fields) {
    if (allowed.has(spelling(field.key))) continue;
    // Keys of other tools are fine; only a near miss of a known key is a mistake.
    const intended = misspeltKey(field.key, known);
    // In Hugo any key is a parameter the site's templates or taxonomies may read (`stats`, `serie`, `image`):
    // only a slip of the keyboard is taken for a typo, not a word of its own nor the singular or plural of one.
    if (intended === undefined || (inHugo && (!isSlipOfTheKeyboard(field.key, intended) || isNumberVariant(field.key, intended)))) continue;
    const free = !taken.has(spelling(intended));
    taken.add(spelling(intended));
    // Where Docusaurus would refuse the value under the key meant, renaming would break the build;
    // but a string of tags is made a list by the next safe fix (tags-not-a-list). In Hugo any key is
    // a parameter templates and taxonomies may read (`image`, `tag`): never renamed without asking.
    const valueSuits = !inHugo && ((intended === 'tags' && typeof field.value === 'string') || docusaurusFrontMatterProblems([{ ...field, key: intended }]).length === 0);
    diagnostics.push({
      range: field.keyRange,
      severity: 'warning',
      code: 'unknown-key',
      message: l10n.t('Unknown front-matter key "{0}". Did you mean "{1}"?', field.key, intended),
      suggestion: free ? yamlString(intended) : undefined,
      ...(isSlipOfTheKeyboard(field.key, intended) && valueSuits && !PAGE_DECIDING_KEYS.has(intended) ? {} : { askFirst: true as const }),
    });
  }

  const field = (key: string) => frontMatter.fields.find((candidate) => spelling(candidate.key) === spelling(key));
  const opening: Range = { start: frontMatter.range.start, end: { line: frontMatter.range.start.line, character: 3 } };
  for (const key of settings.requiredKeys) {
    // Titled by its text: by its H1, or in Docusaurus by the H1 that opens the content (`titleRange` is set only then).
    if (field(key) !== undefined || (key === 'title' && (document.term.titleRange !== undefined || noTitleNeeded))) continue;
    const unreadHeading = key === 'title' && generator === 'docusaurus' ? firstH1(document) : undefined;
    diagnostics.push({
      range: opening,
      severity: 'warning',
      code: 'missing-key',
      message:
        unreadHeading !== undefined
          ? l10n.t('Docusaurus titles this page "{0}", not by its heading: an H1 titles a page only where it opens the content. Add "title:" or move the heading to the top.', document.term.title)
          : key === 'title'
            ? l10n.t('The entry has no title: add "title:" or a "# Heading".')
            : l10n.t('The front matter has no "{0}".', key),
      subject: key,
      ...(unreadHeading === undefined ? {} : { related: [{ uri: document.uri, range: unreadHeading.textRange, message: l10n.t('The heading') }] }),
    });
  }

  const id = termField(document, 'id');
  if (id !== undefined) {
    const value = typeof id.value === 'string' || typeof id.value === 'number' ? String(id.value) : '';
    if (value.trim() === '' || value.includes('/')) {
      diagnostics.push({
        range: id.valueRange,
        severity: 'warning',
        code: 'invalid-id',
        message: l10n.t('Docusaurus rejects this id: it must not be empty or contain "/".'),
        // A blank id builds (a route of blanks); an empty one or one with a slash fails the build.
        ...(value === '' || value.includes('/') ? { breaksBuild: true as const } : {}),
      });
    } else if (value !== fileStem(document.uri)) {
      diagnostics.push({
        range: id.valueRange,
        severity: 'hint',
        code: 'id-differs-from-file-name',
        message: l10n.t('The id "{0}" differs from the file name "{1}": links by route use the id.', value, fileStem(document.uri)),
      });
    }
  }

  const title = termField(document, 'title');
  // In Hugo, a "# line" in a shortcode's body (`{{< tab >}}`) is the template's text, not a heading: the first H1 outside one is.
  const heading =
    inHugo && document.term.heading !== undefined && inShortcodeBody(document.hugoShortcodes, document.term.heading.range)
      ? document.body.headings.find((candidate) => candidate.level === 1 && !inShortcodeBody(document.hugoShortcodes, candidate.range))
      : document.term.heading;
  if (title !== undefined && typeof title.value === 'string' && heading !== undefined && title.value.trim() !== heading.text.trim()) {
    diagnostics.push({
      range: title.valueRange,
      severity: 'hint',
      code: 'title-differs-from-heading',
      message: l10n.t('The title "{0}" differs from the heading "{1}".', title.value, heading.text),
      related: [{ uri: document.uri, range: heading.textRange, message: l10n.t('The heading') }],
    });
  }
  return diagnostics;
}

/**
 * Whether a key can only be a slip for the one meant, so that renaming it is safe without asking
 * (where its value suits the key meant): another case or number (`Title`, `tag`), two neighbouring
 * letters swapped (`titel`), or one letter missing, extra or, in a long key, wrong inside it
 * (`tittle`, `descripton`). Not a letter more or less at the start (`uid`, `listed`) or a word
 * further off (`pages`, `drift`): those may be keys of their own.
 */
/** `tag` and `tags`, `image` and `images`: one the other with an `s`, in any case. */
function isNumberVariant(written: string, meant: string): boolean {
  const [a, b] = [written.toLowerCase(), meant.toLowerCase()];
  return a === `${b}s` || b === `${a}s`;
}

function isSlipOfTheKeyboard(written: string, meantAsWritten: string): boolean {
  const key = written.toLowerCase();
  if (isCaseOrNumberVariant(key, meantAsWritten)) return true;
  const meant = meantAsWritten.toLowerCase();
  if (key[0] !== meant[0]) return false;
  const swapped = key.length === meant.length && [...key].filter((letter, at) => letter !== meant[at]).length === 2 && distance(key, meant) === 2;
  if (swapped) {
    const at = [...key].findIndex((letter, index) => letter !== meant[index]);
    return key[at] === meant[at + 1] && key[at + 1] === meant[at];
  }
  if (distance(key, meant) !== 1) return false;
  return key.length !== meant.length || meant.length >= 6;
}

/** The known key a key was probably meant to be: "titel" -> "title", "tag" -> "tags". */
function misspeltKey(key: string, known: Iterable<string>): string | undefined {
  let best: { key: string; score: number } | undefined;
  for (const candidate of known) {
    const score = isCaseOrNumberVariant(key, candidate) ? 0 : distance(key.toLowerCase(), candidate.toLowerCase());
    // A swap of two letters costs 2: allow it in words long enough to stay unambiguous.
    const allowed = key.length >= 5 ? 2 : key.length >= 3 ? 1 : 0;
    if (score <= allowed && (best === undefined || score < best.score)) best = { key: candidate, score };
  }
  return best?.key;
}
