import { rangeContains, type LineIndex, type Range } from '../common/text';
import { RawHtml } from './rawHtml';

/** A Hugo `ref` or `relref` shortcode: the page it names as written (`/glossar/a.md`, `a#teil`), and where that is. */
export interface HugoRef {
  target: string;
  range: Range;
  /** Set when the shortcode names a language (`lang="de"`). */
  lang?: string;
  /** Set when it lies in raw HTML (a comment, a tag, an HTML block): Hugo runs it only where its Markdown renders raw HTML (`unsafe`). */
  inHtml?: true;
  /** Set for a shortcode's parameter its template hands to `ref` only under a condition on something else (see `HugoSite.conditionalRefShortcodeParameters`). */
  conditional?: true;
}

/** A shortcode a body uses other than `ref` and `relref`: its name (`youtube`, `box/inner`) and where that is written. */
export interface HugoShortcodeUse {
  name: string;
  range: Range;
  /**
   * Of `{{< name >}}…{{< /name >}}`, the text between: Hugo gives it to the template as it is, not
   * as Markdown (`{{< highlight toml >}}[[module.mounts]]{{< /highlight >}}` holds no wiki link).
   */
  body?: Range;
  /**
   * Set for `{{< name >}}` or `{{% name %}}` neither closed later nor closing itself (`/>}}`): Hugo
   * stops where the template of such a shortcode reads `.Inner`.
   */
  unclosed?: true;
  /**
   * How it is closed, where it is: by a closing of its name (`{{< /name >}}` or `{{% /name %}}`,
   * `tag`) or by itself (`{{< name />}}`, `self`). Hugo refuses either where the template reads no
   * `.Inner`. Not set for one a closing without a name (`{{< / >}}`) may close: only the templates tell.
   */
  closing?: 'tag' | 'self';
  /** Its parameters, where it has any: a template may hand one to `ref` (`{{< button relref="/docs/x" >}}`). */
  parameters?: HugoShortcodeParameter[];
}

/** A parameter of a shortcode: its name (`relref="…"`), or its position from 0 (`"…"`), its value and where that is written. */
export interface HugoShortcodeParameter {
  key: string;
  value: string;
  range: Range;
}

/** At most this many refs and this many other shortcodes per document: the rest are not read. */
const MAX_REFS = 1000;
/** At most this many parameters of a shortcode are kept. */
const MAX_PARAMETERS = 32;
/**
 * A shortcode's opening, `{{<` or `{{%`, with its name, of letters and digits in any script, `_`,
 * `-` and `.` (which may name a template in a folder: `box/inner`): not a closing one
 * (`{{< /x >}}`) nor one commented out (`{{</*`).
 */
const OPENING = /\{\{([<%])\s*([\p{L}\p{N}_.-]+(?:\/[\p{L}\p{N}_.-]+)*)/gu;
/** A closing shortcode, `{{< /name >}}` or `{{% /name %}}`, with its form and its name; or without a name (`{{< / >}}`). */
const CLOSING = /\{\{([<%])\s*\/\s*([\p{L}\p{N}_.-]+(?:\/[\p{L}\p{N}_.-]+)*)?\s*[>%]\}\}/gu;

/** The closing shortcodes of a body, in order: `{{< /name >}}` or `{{% /name %}}`, with its form, its name (`''` for none) and where it starts. */
function closingsOf(text: string, from: number): Array<{ form: string; name: string; start: number }> {
  const closings: Array<{ form: string; name: string; start: number }> = [];
  CLOSING.lastIndex = from;
  for (let match = CLOSING.exec(text); match !== null; match = CLOSING.exec(text)) closings.push({ form: match[1], name: match[2] ?? '', start: match.index });
  return closings;
}

/**
 * Pairs each opening with its closing as Hugo nests them: a closing, in either form, closes the
 * nearest opening of its name still open before it; one without a name (`{{< / >}}`) the nearest
 * opening still open of any name (Hugo: of those whose template reads `.Inner`). An opening left without one, and with no closing after it of
 * another name opened before that closing, is `unclosed`; a `<` shortcode closed in its own form
 * has the text between as its `body`.
 */
function closeShortcodes(open: Array<{ use: HugoShortcodeUse; form: string; bodyStart: number }>, closings: Array<{ form: string; name: string; start: number }>, firstOpened: ReadonlyMap<string, number>, lines: LineIndex): void {
  const stacks = new Map<string, Array<{ use: HugoShortcodeUse; form: string; bodyStart: number }>>();
  // Every opening still open, in the order opened: a closing without a name takes the last.
  const stillOpen: Array<{ use: HugoShortcodeUse; form: string; bodyStart: number }> = [];
  // Where closings start that no opening of their name takes (`{{< b >}}y{{< /a >}}` after an `a`).
  const unmatched: number[] = [];
  let next = 0;
  const closeUpTo = (position: number) => {
    for (; next < closings.length && closings[next].start < position; next++) {
      const closing = closings[next];
      const opening = closing.name === '' ? stillOpen.at(-1) : stacks.get(closing.name)?.at(-1);
      if (opening === undefined) {
        // A name never opened before makes Hugo's lexer stop ("does not match start tag"): it closes nothing.
        if ((firstOpened.get(closing.name) ?? Infinity) < closing.start) unmatched.push(closing.start);
        continue;
      }
      stacks.get(opening.use.name)!.pop();
      stillOpen.splice(stillOpen.lastIndexOf(opening), 1);
      // Hugo gives a closing without a name to the innermost open shortcode whose template reads
      // `.Inner` (only the templates tell which): no opening before it is called unclosed.
      if (closing.name === '') unmatched.push(closing.start);
      else opening.use.closing = 'tag';
      if (opening.form === '<' && closing.form === '<') opening.use.body = lines.rangeAt(opening.bodyStart, closing.start);
    }
  };
  for (const opening of open) {
    closeUpTo(opening.bodyStart);
    const stack = stacks.get(opening.use.name);
    if (stack === undefined) stacks.set(opening.use.name, [opening]);
    else stack.push(opening);
    stillOpen.push(opening);
  }
  closeUpTo(Infinity);
  // Hugo's shortcode reader closes the innermost open shortcode that reads `.Inner` at any closing
  // whose name its lexer saw opened before: one of another name after an opening may close it
  // (which of them, only the templates tell), so such an opening is not called unclosed.
  const lastUnmatched = unmatched.length === 0 ? -1 : unmatched[unmatched.length - 1];
  for (const stack of stacks.values()) for (const opening of stack) if (lastUnmatched < opening.bodyStart) opening.use.unclosed = true;
}

/** One parameter: `name="value"`, `name=value`, or a positional value, quoted with `"` or `` ` `` or bare. */
const PARAMETER = /\s*(?:([\w-]+)\s*=\s*)?(?:"((?:[^"\\\n]|\\.)*)"|`([^`]*)`|([^\s"`%>}]+))/y;

/** Whether a range lies in the body of a `{{< name >}}…{{< /name >}}`, which Hugo reads as no Markdown: no link, no heading there. */
export function inShortcodeBody(shortcodes: readonly HugoShortcodeUse[] | undefined, range: Range): boolean {
  return shortcodes?.some((shortcode) => shortcode.body !== undefined && rangeContains(shortcode.body, range.start) && rangeContains(shortcode.body, range.end)) ?? false;
}

/**
 * The shortcodes of a body: `ref` and `relref` (`{{< ref "x.md" >}}`, `{{% relref path="x" lang="de" %}}`)
 * with the pages they name, and the names of the others. Hugo reads shortcodes in the whole body,
 * code and HTML included; one in another's parameters is text.
 */
export function hugoShortcodesOf(text: string, from: number, lines: LineIndex): { refs: HugoRef[]; others: HugoShortcodeUse[] } {
  const refs: HugoRef[] = [];
  const others: HugoShortcodeUse[] = [];
  // Most files have none: one search is cheaper than the expression's.
  if (!text.includes('{{', from)) return { refs, others };
  const rawHtml = new RawHtml(text, from);
  // The openings that may take a closing: `{{< note />}}` closes itself.
  const open: Array<{ use: HugoShortcodeUse; form: string; bodyStart: number }> = [];
  // Where each name is first opened, self-closing or not: Hugo's lexer takes a closing of a name only after that.
  const firstOpened = new Map<string, number>();
  OPENING.lastIndex = from;
  for (let match = OPENING.exec(text); match !== null && (refs.length < MAX_REFS || others.length < MAX_REFS); match = OPENING.exec(text)) {
    const closing = match[1] === '<' ? '>}}' : '%}}';
    const end = text.indexOf(closing, OPENING.lastIndex);
    // Unclosed: Hugo stops on it, with its own message; nothing to judge here.
    if (end === -1) break;
    const name = match[2];
    if (!firstOpened.has(name)) firstOpened.set(name, match.index);
    if (name === 'ref' || name === 'relref') {
      const ref = refs.length < MAX_REFS ? refOf(text, OPENING.lastIndex, end, lines) : undefined;
      if (ref !== undefined) refs.push(rawHtml.holds(match.index) ? { ...ref, inHtml: true } : ref);
    } else if (others.length < MAX_REFS) {
      const nameStart = OPENING.lastIndex - name.length;
      const use: HugoShortcodeUse = { name, range: lines.rangeAt(nameStart, OPENING.lastIndex) };
      const parameters = parametersOf(text, OPENING.lastIndex, end, lines);
      if (parameters.length > 0) use.parameters = parameters;
      others.push(use);
      if (/\/\s*$/.test(text.slice(OPENING.lastIndex, end))) use.closing = 'self';
      else open.push({ use, form: match[1], bodyStart: end + closing.length });
    }
    // The parameters, quoted ones too, are this shortcode's: a shortcode written in one is text.
    OPENING.lastIndex = end + closing.length;
  }
  closeShortcodes(open, closingsOf(text, from), firstOpened, lines);
  return { refs, others };
}

/** The page a `ref` names (its first positional parameter, or `path=`), and its `lang=`. */
function refOf(text: string, start: number, end: number, lines: LineIndex): HugoRef | undefined {
  let target: { value: string; at: number } | undefined;
  let lang: string | undefined;
  forEachParameter(text, start, end, (key, value, at) => {
    if (key === 'lang') lang = value;
    else if ((key === undefined || key === 'path') && target === undefined) target = { value, at };
    return true;
  });
  if (target === undefined) return undefined;
  return { target: target.value, range: lines.rangeAt(target.at, target.at + target.value.length), ...(lang === undefined ? {} : { lang }) };
}

/** The parameters of a shortcode, named or by position, up to `MAX_PARAMETERS`. */
function parametersOf(text: string, start: number, end: number, lines: LineIndex): HugoShortcodeParameter[] {
  const parameters: HugoShortcodeParameter[] = [];
  let position = 0;
  forEachParameter(text, start, end, (key, value, at) => {
    parameters.push({ key: key ?? String(position++), value, range: lines.rangeAt(at, at + value.length) });
    return parameters.length < MAX_PARAMETERS;
  });
  return parameters;
}

/** Calls `use` with each parameter between `start` and `end` (its name if named, its value, where the value starts) while it returns true. */
function forEachParameter(text: string, start: number, end: number, use: (key: string | undefined, value: string, at: number) => boolean): void {
  PARAMETER.lastIndex = start;
  for (let match = PARAMETER.exec(text); match !== null && PARAMETER.lastIndex <= end; match = PARAMETER.exec(text)) {
    const [whole, key, doubleQuoted, backQuoted, bare] = match;
    const value = doubleQuoted ?? backQuoted ?? bare;
    if (!use(key, value, match.index + whole.length - value.length - (bare === undefined ? 1 : 0))) return;
  }
}

/** A shortcode's call in a text: `{{< name params >}}`, `{{% name %}}`, a closing `{{< /name >}}`, where it starts and ends. */
interface ShortcodeCall {
  start: number;
  end: number;
  name: string;
  /** Where its parameters start: right after its name. */
  parametersStart: number;
  closing: boolean;
  /** `{{< name />}}`, which takes no closing. */
  closesItself: boolean;
}

/** A shortcode's call, opening or closing, up to its name; its end is the next `>}}` or `%}}` of its form. */
const CALL = /\{\{([<%])\s*(\/)?\s*([\p{L}\p{N}_.-]+(?:\/[\p{L}\p{N}_.-]+)*)/uy;

/**
 * Where a text's next `{{` and next closers (`>}}`, `%}}`) are at or after an offset, each searched
 * for once however many paragraphs ask: a search that finds one far beyond a paragraph is not
 * made again for the next paragraph.
 */
class NextOf {
  private readonly found = new Map<string, { from: number; at: number }>();

  constructor(readonly text: string) {}

  indexOf(needle: string, from: number): number {
    const known = this.found.get(needle);
    if (known !== undefined && known.from <= from && (known.at === -1 || known.at >= from)) return known.at;
    const at = this.text.indexOf(needle, from);
    this.found.set(needle, { from, at });
    return at;
  }
}

/** The shortcode calls in a text from `from` to `to`, in order; a call left unclosed ends the search. */
function callsIn(next: NextOf, from = 0, to = next.text.length): ShortcodeCall[] {
  const text = next.text;
  const calls: ShortcodeCall[] = [];
  for (let at = next.indexOf('{{', from); at !== -1 && at < to; at = next.indexOf('{{', at)) {
    CALL.lastIndex = at;
    const match = CALL.exec(text);
    if (match === null) {
      at += 1;
      continue;
    }
    const closer = match[1] === '<' ? '>}}' : '%}}';
    const close = next.indexOf(closer, CALL.lastIndex);
    if (close === -1 || close + 3 > to) break;
    calls.push({ start: match.index, end: close + 3, name: match[3], parametersStart: CALL.lastIndex, closing: match[2] !== undefined, closesItself: /\/\s*$/.test(text.slice(CALL.lastIndex, close)) });
    at = close + 3;
  }
  return calls;
}

/**
 * Tells, paragraph by paragraph from a Hugo page's start, which paragraphs are a shortcode's
 * notice rather than the page's first words: a paragraph of calls alone (`{{< feature-state … >}}`,
 * `{{< warning >}}`), one a paired shortcode wraps (`{{% alert %}} … {{% /alert %}}`), and every
 * paragraph between a shortcode opened on a paragraph of its own and its closing. What a template
 * writes there is not known; it is no definition.
 */
export class ShortcodeNotices {
  /** The names of the shortcodes opened and not yet closed, innermost last. */
  private readonly open: string[] = [];
  /** Where the last closing of each name starts in the body: an opening before it is closed there or earlier. */
  private lastClosing: Map<string, number> | undefined;
  /** The text's next `{{` and closers, each searched for once. */
  private readonly next: NextOf;

  constructor(private readonly text: string, private readonly bodyOffset: number) {
    this.next = new NextOf(text);
  }

  /**
   * Whether the paragraph from `start` to `end` (offsets in the text) is a notice, with words (`notice`)
   * or of calls alone (`calls`); undefined for the page's words. Call for each paragraph in order.
   */
  isNotice(start: number, end: number): 'notice' | 'calls' | undefined {
    const inside = this.open.length > 0 ? 'notice' : undefined;
    const braces = this.next.indexOf('{{', start);
    if (braces === -1 || braces >= end) return inside;
    const calls = callsIn(this.next, start, end);
    // The opening the paragraph starts with (where it stands among those open), and the closing that closes it.
    let openedAtStart: number | undefined;
    let closedBy: ShortcodeCall | undefined;
    for (const call of calls) {
      if (call.closing) {
        const at = this.open.lastIndexOf(call.name);
        if (at !== -1 && openedAtStart !== undefined && at <= openedAtStart) closedBy ??= call;
        if (at !== -1) this.open.splice(at);
      } else if (!call.closesItself && this.closedAfter(call)) {
        if (call === calls[0] && this.text.slice(start, call.start).trim() === '') openedAtStart = this.open.length;
        this.open.push(call.name);
      }
    }
    if (textOutside(this.text, start, end, calls).trim() === '') return 'calls';
    // Wrapped: what the paragraph starts with closes at its end, or in a paragraph below; not prose that opens with a pair (`{{< b >}}Pods{{< /b >}} are …`).
    const wrapped = openedAtStart !== undefined && (closedBy === undefined || this.text.slice(closedBy.end, end).trim() === '');
    return inside ?? (wrapped ? 'notice' : undefined);
  }

  private closedAfter(call: ShortcodeCall): boolean {
    if (this.lastClosing === undefined) {
      this.lastClosing = new Map();
      for (const closing of callsIn(new NextOf(this.text), this.bodyOffset)) if (closing.closing) this.lastClosing.set(closing.name, closing.start);
    }
    return (this.lastClosing.get(call.name) ?? -1) > call.end;
  }
}

/** The text from `start` to `end` less the calls in it. */
function textOutside(text: string, start: number, end: number, calls: readonly ShortcodeCall[]): string {
  let outside = '';
  let from = start;
  for (const call of calls) {
    outside += text.slice(from, call.start);
    from = call.end;
  }
  return outside + text.slice(from, end);
}

/** A link in Markdown whose destination holds a placeholder of a call (see `asReadersSeeShortcodes`): its text. */
const LINK_TO_CALL = /(!?)\[((?:[^[\]\n]|\[[^[\]\n]*\])*)\]\([ \t]*([^\s()]*\u0000[^\s()]*)(?:[ \t]+(?:"[^"\n]*"|'[^'\n]*'))?[ \t]*\)/g;

/**
 * A Hugo page's Markdown with its shortcodes as near as can be told to what its readers see, where
 * the templates are not run: a paired shortcode's content (`{{< gloss >}}Pod{{< /gloss >}}`: Pod), a
 * call's `text` parameter (Kubernetes' `{{< glossary_tooltip text="containers" … >}}`), a link
 * whose destination a shortcode writes (`[block]({{< ref x >}})`) as its text, an image so as
 * nothing, and any other call as code, as written: what it writes is unknown.
 */
export function asReadersSeeShortcodes(markdown: string): string {
  const calls = callsIn(new NextOf(markdown));
  if (calls.length === 0) return markdown;
  const paired = pairedCalls(calls);
  // The marks below stand for calls: the page's own are left out.
  const unmarked = (text: string) => text.replace(/[\u0000\u0001]/g, '');
  const shown: string[] = [];
  let withPlaceholders = '';
  let from = 0;
  let backticks = 0;
  for (const [number, call] of calls.entries()) {
    const before = markdown.slice(from, call.start);
    backticks += before.split('`').length - 1;
    withPlaceholders += `${unmarked(before)}\u0000${number}\u0000`;
    from = call.end;
    // A call that shows nothing is marked, to take one of the blanks around it with it; one in code stays as written.
    if (paired.has(call)) shown.push('\u0001');
    else shown.push(unmarked(backticks % 2 === 1 ? markdown.slice(call.start, call.end) : callAsShown(markdown, call)));
  }
  withPlaceholders += unmarked(markdown.slice(from));
  return withPlaceholders
    .replace(LINK_TO_CALL, (_link, bang: string, text: string) => (bang === '' ? text : '\u0001'))
    .replace(/\u0000(\d+)\u0000/g, (_placeholder, number: string) => shown[Number(number)])
    .replace(/(^|[ \t])\u0001[ \t]*/gm, '$1')
    .replace(/\u0001/g, '')
    .trim();
}

/** The openings and closings that pair up, each closing with the nearest opening of its name still open before it. */
function pairedCalls(calls: readonly ShortcodeCall[]): Set<ShortcodeCall> {
  const paired = new Set<ShortcodeCall>();
  const open = new Map<string, ShortcodeCall[]>();
  for (const call of calls) {
    if (call.closing) {
      const opening = open.get(call.name)?.pop();
      if (opening !== undefined) paired.add(opening).add(call);
    } else if (!call.closesItself) {
      const stack = open.get(call.name);
      if (stack === undefined) open.set(call.name, [call]);
      else stack.push(call);
    }
  }
  return paired;
}

/** How a call that pairs with none shows in `asReadersSeeShortcodes`: its `text`, or the call as code. */
function callAsShown(markdown: string, call: ShortcodeCall): string {
  let text: string | undefined;
  forEachParameter(markdown, call.parametersStart, call.end - 3, (key, value) => {
    if (key === 'text') text = value;
    return text === undefined;
  });
  if (text !== undefined) return text;
  const written = markdown.slice(call.start, call.end);
  const fence = '`'.repeat((written.match(/`+/g) ?? []).reduce((longest, run) => Math.max(longest, run.length), 0) + 1);
  return `${fence}${fence.length > 1 ? ' ' : ''}${written}${fence.length > 1 ? ' ' : ''}${fence}`;
}
