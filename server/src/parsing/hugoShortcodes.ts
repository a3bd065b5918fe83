import type { LineIndex, Range } from '../common/text';
import { RawHtml } from './rawHtml';

/** A Hugo `ref` or `relref` shortcode: the page it names as written (`/glossar/a.md`, `a#teil`), and where that is. */
export interface HugoRef {
  target: string;
  range: Range;
  /** Set when the shortcode names a language (`lang="de"`). */
  lang?: string;
  /** Set when it lies in raw HTML (a comment, a tag, an HTML block): Hugo runs it only where its Markdown renders raw HTML (`unsafe`). */
  inHtml?: true;
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
}

/** At most this many refs and this many other shortcodes per document: the rest are not read. */
const MAX_REFS = 1000;
/**
 * A shortcode's opening, `{{<` or `{{%`, with its name, of letters and digits in any script, `_`,
 * `-` and `.` (which may name a template in a folder: `box/inner`): not a closing one
 * (`{{< /x >}}`) nor one commented out (`{{</*`).
 */
const OPENING = /\{\{([<%])\s*([\p{L}\p{N}_.-]+(?:\/[\p{L}\p{N}_.-]+)*)/gu;
/** A closing shortcode, `{{< /name >}}` or `{{% /name %}}`, with its form and its name. */
const CLOSING = /\{\{([<%])\s*\/\s*([\p{L}\p{N}_.-]+(?:\/[\p{L}\p{N}_.-]+)*)\s*[>%]\}\}/gu;

/**
 * The closing shortcodes of a body by form and name (`<note`, `%note`), in one pass: `next` gives
 * where the first after an offset starts.
 */
function closingsOf(text: string, from: number): { next(key: string, after: number): number | undefined } {
  const byName = new Map<string, number[]>();
  CLOSING.lastIndex = from;
  for (let match = CLOSING.exec(text); match !== null; match = CLOSING.exec(text)) {
    const key = match[1] + match[2];
    const starts = byName.get(key) ?? [];
    starts.push(match.index);
    byName.set(key, starts);
  }
  // Openings come in order: each name's closings are passed over once.
  const passed = new Map<string, number>();
  return {
    next(name, after) {
      const starts = byName.get(name);
      if (starts === undefined) return undefined;
      let at = passed.get(name) ?? 0;
      while (at < starts.length && starts[at] < after) at++;
      passed.set(name, at);
      return starts[at];
    },
  };
}

/** One parameter: `name="value"`, `name=value`, or a positional value, quoted with `"` or `` ` `` or bare. */
const PARAMETER = /\s*(?:([\w-]+)\s*=\s*)?(?:"((?:[^"\\\n]|\\.)*)"|`([^`]*)`|([^\s"`%>}]+))/y;

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
  const closings = closingsOf(text, from);
  OPENING.lastIndex = from;
  for (let match = OPENING.exec(text); match !== null && (refs.length < MAX_REFS || others.length < MAX_REFS); match = OPENING.exec(text)) {
    const closing = match[1] === '<' ? '>}}' : '%}}';
    const end = text.indexOf(closing, OPENING.lastIndex);
    // Unclosed: Hugo stops on it, with its own message; nothing to judge here.
    if (end === -1) break;
    const name = match[2];
    if (name === 'ref' || name === 'relref') {
      const ref = refs.length < MAX_REFS ? refOf(text, OPENING.lastIndex, end, lines) : undefined;
      if (ref !== undefined) refs.push(rawHtml.holds(match.index) ? { ...ref, inHtml: true } : ref);
    } else if (others.length < MAX_REFS) {
      const nameStart = OPENING.lastIndex - name.length;
      // `{{< note />}}` closes itself: the text after it is no body of its.
      const selfClosing = /\/\s*$/.test(text.slice(OPENING.lastIndex, end));
      const bodyEnd = selfClosing ? undefined : closings.next(match[1] + name, end + closing.length);
      // A `%` shortcode's body is Markdown, read as the page's.
      const body = bodyEnd !== undefined && match[1] === '<' ? { body: lines.rangeAt(end + closing.length, bodyEnd) } : {};
      // Closed in the other form or not, it is not the unclosed one Hugo stops at.
      const closed = selfClosing || bodyEnd !== undefined || closings.next((match[1] === '<' ? '%' : '<') + name, end + closing.length) !== undefined;
      others.push({ name, range: lines.rangeAt(nameStart, OPENING.lastIndex), ...body, ...(closed ? {} : { unclosed: true as const }) });
    }
    // The parameters, quoted ones too, are this shortcode's: a shortcode written in one is text.
    OPENING.lastIndex = end + closing.length;
  }
  return { refs, others };
}

/** The page a `ref` names (its first positional parameter, or `path=`), and its `lang=`. */
function refOf(text: string, start: number, end: number, lines: LineIndex): HugoRef | undefined {
  let target: { value: string; at: number } | undefined;
  let lang: string | undefined;
  PARAMETER.lastIndex = start;
  for (let match = PARAMETER.exec(text); match !== null && PARAMETER.lastIndex <= end; match = PARAMETER.exec(text)) {
    const [whole, key, doubleQuoted, backQuoted, bare] = match;
    const value = doubleQuoted ?? backQuoted ?? bare;
    const at = match.index + whole.length - value.length - (bare === undefined ? 1 : 0);
    if (key === 'lang') lang = value;
    else if ((key === undefined || key === 'path') && target === undefined) target = { value, at };
  }
  if (target === undefined) return undefined;
  return { target: target.value, range: lines.rangeAt(target.at, target.at + target.value.length), ...(lang === undefined ? {} : { lang }) };
}
