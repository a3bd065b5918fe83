import * as l10n from '@vscode/l10n';
import type { Range } from '../common/text';
import type { FrontMatterField } from '../parsing/frontMatterFields';

/**
 * The front-matter values that make `docusaurus build` fail: what the docs plugin's validator
 * (`validateDocFrontMatter`, Joi schemas with conversion on) and the MDX loader's (`mdx.format`)
 * reject, and an `id` with a slash, which the docs plugin refuses right after. Keys Docusaurus does
 * not declare are allowed, as it allows them. test/unit/docusaurusFrontMatter.test.ts holds this to
 * the real validator of Docusaurus 3.10.
 *
 * Values are read as our YAML 1.2 parser reads them; Docusaurus's js-yaml reads a few spellings
 * differently (unquoted dates become Date objects), see docs/rules-docusaurus-front-matter.md.
 */
export interface DocusaurusFrontMatterProblem {
  key: string;
  /** The offending value, or its list item. */
  range: Range;
  message: string;
}

export function docusaurusFrontMatterProblems(fields: readonly FrontMatterField[]): DocusaurusFrontMatterProblem[] {
  // A key written twice fails the build in js-yaml anyway; the later one is the one YAML keeps.
  const byKey = new Map(fields.map((field) => [field.key, field]));
  const problems: DocusaurusFrontMatterProblem[] = [];
  for (const field of fields) {
    // An unknown value (an alias without anchor, a value past the parser's bounds) is not judged.
    if (field.value === undefined) continue;
    const check = CHECKS.get(field.key);
    if (check !== undefined) problems.push(...check(field, byKey));
  }
  const draft = byKey.get('draft');
  const unlisted = byKey.get('unlisted');
  if (draft !== undefined && unlisted !== undefined && booleanOf(draft.value) === true && booleanOf(unlisted.value) === true) {
    problems.push({
      key: 'unlisted',
      range: unlisted.valueRange,
      message: l10n.t('Docusaurus refuses to build: a page cannot be "draft" and "unlisted" at the same time.'),
    });
  }
  return problems;
}

type Check = (field: FrontMatterField, byKey: ReadonlyMap<string, FrontMatterField>) => DocusaurusFrontMatterProblem[];

/** A check of the whole value: one problem at the value when it is not accepted. */
function valueCheck(accepts: (value: unknown) => boolean, message: (key: string) => string): Check {
  return (field) => (accepts(field.value) ? [] : [{ key: field.key, range: field.valueRange, message: message(field.key) }]);
}

const nonEmptyText = valueCheck(
  isNonEmptyText,
  (key) => l10n.t('Docusaurus refuses to build: "{0}" must be non-empty text.', key),
);
const anyText = valueCheck(
  (value) => textOf(value) !== undefined,
  (key) => l10n.t('Docusaurus refuses to build: "{0}" must be text (it may be empty).', key),
);
const nonEmptyTextOrNull = valueCheck(
  (value) => value === null || isNonEmptyText(value),
  (key) => l10n.t('Docusaurus refuses to build: "{0}" must be non-empty text, or null.', key),
);
const boolean = valueCheck(
  (value) => booleanOf(value) !== undefined,
  (key) => l10n.t('Docusaurus refuses to build: "{0}" must be true or false.', key),
);
const number = valueCheck(
  (value) => numberOf(value).accepted,
  (key) => l10n.t('Docusaurus refuses to build: "{0}" must be a number.', key),
);
const map = valueCheck(isMap, (key) => l10n.t('Docusaurus refuses to build: "{0}" must be a map of keys to values.', key));
const urlMessage = (key: string) =>
  l10n.t('Docusaurus refuses to build: "{0}" must be a full URL, or a path in which spaces, umlauts and other special characters are percent-encoded (%20).', key);
const url = valueCheck(isUrlReference, urlMessage);
const urlOrEmpty = valueCheck((value) => value === null || value === '' || isUrlReference(value), urlMessage);

const id: Check = (field, byKey) => {
  const problems = nonEmptyText(field, byKey);
  if (problems.length === 0 && textOf(field.value)!.includes('/')) {
    problems.push({
      key: field.key,
      range: field.valueRange,
      message: l10n.t('Docusaurus refuses to build: "id" must not contain "/" (the folders of a doc id come from the folders of its file).'),
    });
  }
  return problems;
};

/**
 * A list, each item checked on its own: a problem at each item not accepted, or at the value when
 * it is no list, or an empty one where an item is required.
 */
function listCheck(
  acceptsItem: (item: unknown) => boolean,
  options: { requiresItem: boolean },
  listMessage: (key: string) => string,
  itemMessage: (key: string) => string,
): Check {
  return (field) => {
    const items = field.value;
    if (!Array.isArray(items) || (options.requiresItem && items.length === 0)) return [{ key: field.key, range: field.valueRange, message: listMessage(field.key) }];
    const problems: DocusaurusFrontMatterProblem[] = [];
    items.forEach((item: unknown, index) => {
      if (item === undefined || acceptsItem(item)) return;
      problems.push({ key: field.key, range: field.items?.[index]?.range ?? field.valueRange, message: itemMessage(field.key) });
    });
    return problems;
  };
}

/** Joi's `items(string().required())`: one item at least, an empty list is refused. */
const keywords = listCheck(
  isNonEmptyText,
  { requiresItem: true },
  (key) => l10n.t('Docusaurus refuses to build: "{0}" must be a list of one or more non-empty texts.', key),
  (key) => l10n.t('Docusaurus refuses to build: "{0}" items must be non-empty text.', key),
);

/** A tag is a non-empty text, or (the legacy inline form) a map with a non-empty "label" and "permalink". */
const isTag = (value: unknown) => isNonEmptyText(value) || (isMap(value) && isNonEmptyText(value.label) && isNonEmptyText(value.permalink));

const tags = listCheck(
  isTag,
  { requiresItem: false },
  (key) => l10n.t('Docusaurus refuses to build: "{0}" must be a list of tags.', key),
  (key) => l10n.t('Docusaurus refuses to build: "{0}" items must be non-empty text or an object with "label" and "permalink".', key),
);

const HEADING_LEVELS = { min: 2, max: 6 };
const headingLevelMessage = (key: string) => l10n.t('Docusaurus refuses to build: "{0}" must be a number from {1} to {2}.', key, HEADING_LEVELS.min, HEADING_LEVELS.max);

const tocMaxHeadingLevel = valueCheck((value) => {
  const level = numberOf(value);
  return level.accepted && level.value >= HEADING_LEVELS.min && level.value <= HEADING_LEVELS.max;
}, headingLevelMessage);

/**
 * At least 2 and at most the maximum level when that is given (as Docusaurus converted it, even a
 * value it rejects: `"1"` counts as 1), else at most 6.
 */
const tocMinHeadingLevel: Check = (field, byKey) => {
  const level = numberOf(field.value);
  const problem = (message: string) => [{ key: field.key, range: field.valueRange, message }];
  if (!level.accepted || level.value < HEADING_LEVELS.min) return problem(headingLevelMessage(field.key));
  const maxField = byKey.get('toc_max_heading_level');
  if (maxField === undefined || maxField.value === undefined) {
    return level.value > HEADING_LEVELS.max ? problem(headingLevelMessage(field.key)) : [];
  }
  const limit = numberOf(maxField.value).value;
  if (typeof limit !== 'number' || Number.isNaN(limit)) {
    return problem(l10n.t('Docusaurus refuses to build: "toc_min_heading_level" is compared with "toc_max_heading_level", which must be a number.'));
  }
  return level.value > limit ? problem(l10n.t('Docusaurus refuses to build: "toc_min_heading_level" must not be greater than "toc_max_heading_level" ({0}).', limit)) : [];
};

/** A map with `author` (non-empty text, numbers not converted) or `date` (what `new Date` reads), or both. */
const lastUpdate = valueCheck((value) => {
  if (!isMap(value)) return false;
  const author = ownValue(value, 'author');
  const date = ownValue(value, 'date');
  if (author === undefined && date === undefined) return false;
  return (author === undefined || (typeof author === 'string' && author !== '')) && (date === undefined || isDate(date));
}, (key) => l10n.t('Docusaurus refuses to build: "{0}" must be a map with "author" (non-empty text), "date" (a date), or both.', key));

const MDX_FORMATS = ['md', 'mdx', 'detect'];
/** The MDX loader's own front matter: a map holding at most `format`, one of md, mdx or detect. */
const mdx = valueCheck(
  (value) =>
    isMap(value) &&
    Object.keys(value).every((key) => key === 'format' && (value.format === undefined || MDX_FORMATS.includes(textOf(value.format) ?? ''))),
  (key) => l10n.t('Docusaurus refuses to build: "{0}" must be a map that holds only "format" (md, mdx or detect).', key),
);

/** Every key the docs plugin and the MDX loader declare; `Map`, so that no key reaches `Object.prototype`. */
const CHECKS: ReadonlyMap<string, Check> = new Map<string, Check>([
  ['id', id],
  ['title', anyText],
  ['description', anyText],
  ['slug', nonEmptyText],
  ['sidebar_key', nonEmptyText],
  ['sidebar_label', nonEmptyText],
  ['sidebar_class_name', nonEmptyText],
  ['pagination_label', nonEmptyText],
  ['displayed_sidebar', nonEmptyTextOrNull],
  ['pagination_next', nonEmptyTextOrNull],
  ['pagination_prev', nonEmptyTextOrNull],
  ['hide_title', boolean],
  ['hide_table_of_contents', boolean],
  ['parse_number_prefixes', boolean],
  ['draft', boolean],
  ['unlisted', boolean],
  ['sidebar_position', number],
  ['sidebar_custom_props', map],
  ['image', url],
  ['custom_edit_url', urlOrEmpty],
  ['keywords', keywords],
  ['tags', tags],
  ['toc_min_heading_level', tocMinHeadingLevel],
  ['toc_max_heading_level', tocMaxHeadingLevel],
  ['last_update', lastUpdate],
  ['mdx', mdx],
]);

// ---------------------------------------------------------------------------------------------
// Joi's conversions, as Docusaurus's validator applies them (`convert: true`)

/** Docusaurus's front-matter text: a string, or a number written as text (`tags: [2021]`). */
function textOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  return undefined;
}

function isNonEmptyText(value: unknown): boolean {
  const text = textOf(value);
  return text !== undefined && text !== '';
}

/** A boolean, or the text "true" or "false" in any case ("TRUE"); not "yes", 1 or " true". */
function booleanOf(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (typeof value !== 'string') return undefined;
  const lower = value.toLowerCase();
  return lower === 'true' ? true : lower === 'false' ? false : undefined;
}

const NUMBER_TEXT = /^\s*[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?\s*$/i;

/**
 * A number as Joi converts it: text in decimal notation (blanks around it allowed) is read only
 * when the number keeps every digit written (`"1.50"` yes, `"1.23456789012345678"` no), and a
 * number is accepted only when finite and a safe integer in size. `value` is what Joi made of it,
 * accepted or not (a later key may be compared with it).
 */
function numberOf(value: unknown): { accepted: true; value: number } | { accepted: false; value: unknown } {
  let converted = value;
  if (typeof value === 'string') {
    if (!NUMBER_TEXT.test(value)) return { value, accepted: false };
    const text = value.trim();
    converted = parseFloat(text);
    if (!keepsDigits(text, converted as number)) return { value: converted, accepted: false };
  }
  if (typeof converted !== 'number' || !Number.isFinite(converted) || Math.abs(converted) > Number.MAX_SAFE_INTEGER) return { value: converted, accepted: false };
  return { value: converted, accepted: true };
}

/** Whether a decimal text means exactly the number read from it, as JavaScript prints it. */
function keepsDigits(text: string, read: number): boolean {
  const printed = String(read);
  if (/e/i.test(text)) return significantDigits(text) === significantDigits(printed);
  // JavaScript prints very large and very small numbers with an exponent: no digits to compare.
  if (/e/i.test(printed)) return true;
  return printed === canonicalDecimal(text);
}

/** The digits of a number without sign, point, exponent, leading and trailing zeros. */
function significantDigits(text: string): string {
  return withoutTrailingZeros(text.replace(/[eE][+-]?\d+$/, '').replace('.', '')).replace(/^[+-]?0*/, '');
}

/** Decimal text as JavaScript would print its number: `+01.50` -> `1.5`, `.5` -> `0.5`, `-0` -> `0`. */
function canonicalDecimal(text: string): string {
  let canonical = text
    .replace(/^\+/, '')
    .replace(/\.0*$/, '')
    .replace(/^(-?)\.([^.]*)$/, '$10.$2')
    .replace(/^(-?)0+(\d)/, '$1$2');
  if (canonical.includes('.')) canonical = withoutTrailingZeros(canonical);
  return canonical === '-0' ? '0' : canonical;
}

/** Without a loop, `/0+$/` retries at every zero of a long run: quadratic in hostile text. */
function withoutTrailingZeros(text: string): string {
  let end = text.length;
  while (end > 0 && text[end - 1] === '0') end--;
  return text.slice(0, end);
}

/** A date as Joi reads one: a finite number (milliseconds), or text `new Date` reads, digits as milliseconds. */
function isDate(value: unknown): boolean {
  if (typeof value === 'number') return Number.isFinite(value) && !Number.isNaN(new Date(value).getTime());
  if (typeof value !== 'string' || /^\s*$/.test(value)) return false;
  const time = /^[+-]?\d+(?:\.\d+)?$/.test(value) ? new Date(parseFloat(value)) : new Date(value);
  return !Number.isNaN(time.getTime());
}

function isMap(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function ownValue(object: Record<string, unknown>, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(object, key) ? object[key] : undefined;
}

// ---------------------------------------------------------------------------------------------
// URLs: Docusaurus accepts a string that is an RFC 3986 URI or relative reference as Joi checks it,
// or an absolute URL the WHATWG parser reads (`new URL`), which also takes spaces and umlauts.

/** unreserved, sub-delims, and "%" with the hex digits one by one (Joi does not insist on %XX triples). */
const UNRESERVED_AND_DELIMS = "\\w\\-.~%!$&'()*+,;=";
const PATH_CHARACTERS = new RegExp(`^[${UNRESERVED_AND_DELIMS}:@/]*$`);
const QUERY_OR_FRAGMENT = new RegExp(`^[${UNRESERVED_AND_DELIMS}:@/?]*$`);
const FIRST_SEGMENT_WITHOUT_COLON = new RegExp(`^[${UNRESERVED_AND_DELIMS}@]+(?:/|$)`);
const USER_INFO = new RegExp(`^[${UNRESERVED_AND_DELIMS}:]*$`);
const REGISTERED_NAME = new RegExp(`^[${UNRESERVED_AND_DELIMS}]{1,255}$`);
const IP_FUTURE = new RegExp(`^v[\\dA-Fa-f]+\\.[${UNRESERVED_AND_DELIMS.replace('%', '')}:]+$`);
/** Joi's scheme characters: its `+-.` is a range, which lets a comma in. */
const SCHEME = /^[a-zA-Z][a-zA-Z\d+,\-.]*:/;
/** `http:/x`, `http:x` and `http:///x` are refused, though the grammar has them. */
const EMPTY_HTTP_HOST = /^https?:(?:\/(?:$|[^/])|\/\/\/|[^/])/;

function isUrlReference(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  return isRfc3986Reference(value) || isWhatwgUrl(value);
}

function isWhatwgUrl(text: string): boolean {
  try {
    new URL(text);
    return true;
  } catch {
    return false;
  }
}

function isRfc3986Reference(text: string): boolean {
  if (text === '' || EMPTY_HTTP_HOST.test(text)) return false;
  const fragmentAt = text.indexOf('#');
  const beforeFragment = fragmentAt === -1 ? text : text.slice(0, fragmentAt);
  if (fragmentAt !== -1 && !QUERY_OR_FRAGMENT.test(text.slice(fragmentAt + 1))) return false;
  const queryAt = beforeFragment.indexOf('?');
  const hierarchical = queryAt === -1 ? beforeFragment : beforeFragment.slice(0, queryAt);
  if (queryAt !== -1 && !QUERY_OR_FRAGMENT.test(beforeFragment.slice(queryAt + 1))) return false;
  const scheme = SCHEME.exec(hierarchical);
  if (scheme !== null) return isHierarchicalPart(hierarchical.slice(scheme[0].length));
  return isRelativePart(hierarchical);
}

/** After `scheme:`: `//authority/path`, `///path`, `/path` or `path`; not empty. */
function isHierarchicalPart(part: string): boolean {
  if (part.startsWith('///')) return PATH_CHARACTERS.test(part);
  if (part.startsWith('//')) return isAuthorityAndPath(part.slice(2));
  return part !== '' && PATH_CHARACTERS.test(part);
}

/** Without a scheme: `//authority/path`, `/path`, a path whose first segment has no colon, or nothing. */
function isRelativePart(part: string): boolean {
  if (part.startsWith('//')) return isAuthorityAndPath(part.slice(2));
  if (part === '' || part.startsWith('/')) return PATH_CHARACTERS.test(part);
  return FIRST_SEGMENT_WITHOUT_COLON.test(part) && PATH_CHARACTERS.test(part);
}

function isAuthorityAndPath(text: string): boolean {
  const pathAt = text.indexOf('/');
  const authority = pathAt === -1 ? text : text.slice(0, pathAt);
  if (pathAt !== -1 && !PATH_CHARACTERS.test(text.slice(pathAt))) return false;
  const userInfoEnd = authority.indexOf('@');
  if (userInfoEnd !== -1 && !USER_INFO.test(authority.slice(0, userInfoEnd))) return false;
  const hostAndPort = authority.slice(userInfoEnd + 1);
  let host: string;
  let afterHost: string;
  if (hostAndPort.startsWith('[')) {
    const close = hostAndPort.indexOf(']');
    if (close === -1) return false;
    const literal = hostAndPort.slice(1, close);
    if (!isIpv6(literal) && !IP_FUTURE.test(literal)) return false;
    host = hostAndPort.slice(0, close + 1);
    afterHost = hostAndPort.slice(close + 1);
  } else {
    const colon = hostAndPort.indexOf(':');
    host = colon === -1 ? hostAndPort : hostAndPort.slice(0, colon);
    afterHost = colon === -1 ? '' : hostAndPort.slice(colon);
    if (!REGISTERED_NAME.test(host)) return false;
  }
  return afterHost === '' || /^:\d*$/.test(afterHost);
}

/** An IPv6 address in RFC 3986's notation: eight groups, `::` for one or more zero groups, an IPv4 address last. */
function isIpv6(text: string): boolean {
  const halves = text.split('::');
  if (halves.length > 2) return false;
  const groupsOf = (half: string) => (half === '' ? [] : half.split(':'));
  const head = groupsOf(halves[0]);
  const tail = halves.length === 2 ? groupsOf(halves[1]) : [];
  const all = [...head, ...tail];
  const last = all.at(-1);
  const endsInIpv4 = last !== undefined && isIpv4(last) && (halves.length === 2 ? tail.length > 0 : true);
  const hexGroups = endsInIpv4 ? all.slice(0, -1) : all;
  if (!hexGroups.every((group) => /^[\dA-Fa-f]{1,4}$/.test(group))) return false;
  const count = hexGroups.length + (endsInIpv4 ? 2 : 0);
  return halves.length === 2 ? count <= 7 : count === 8;
}

function isIpv4(text: string): boolean {
  const parts = text.split('.');
  return parts.length === 4 && parts.every((part) => /^\d{1,3}$/.test(part) && Number(part) <= 255);
}
