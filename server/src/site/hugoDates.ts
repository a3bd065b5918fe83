/**
 * The dates Hugo 0.111 reads from a front-matter string: spf13/cast (v1.5.0, which Hugo's
 * `ToTimeInDefaultLocationE` calls) tries its layouts in order, each as Go's `time.Parse` reads it,
 * and takes the first that fits. A layout without a numeric offset gives the wall clock in the
 * default location (UTC, as Hugo builds without `timeZone`); one with an offset keeps the instant
 * and its wall clock; a time alone falls on 1 January of year 0. Anything else is no date.
 */

/** A date as Go's `time.Time` holds it: the instant, and the wall clock in its own zone (which `[permalinks]` tokens show), as the UTC fields of a `Date`. */
export interface HugoDate {
  instant: Date;
  wallClock: Date;
}

type ZoneKind = 'none' | 'named' | 'numeric' | 'time-only';

/** cast's layouts in its order, with what their zone means (`timeFormatNoTimezone`, ...). */
const LAYOUTS: ReadonlyArray<readonly [string, ZoneKind]> = [
  ['2006-01-02T15:04:05Z07:00', 'numeric'],
  ['2006-01-02T15:04:05', 'none'],
  ['Mon, 02 Jan 2006 15:04:05 -0700', 'numeric'],
  ['Mon, 02 Jan 2006 15:04:05 MST', 'named'],
  ['02 Jan 06 15:04 -0700', 'numeric'],
  ['02 Jan 06 15:04 MST', 'named'],
  ['Monday, 02-Jan-06 15:04:05 MST', 'named'],
  // Go's `Time.String()`: the numeric offset decides, the name only has to be one.
  ['2006-01-02 15:04:05.999999999 -0700 MST', 'numeric'],
  ['2006-01-02T15:04:05-0700', 'numeric'],
  ['2006-01-02 15:04:05Z0700', 'numeric'],
  ['2006-01-02 15:04:05', 'none'],
  ['Mon Jan _2 15:04:05 2006', 'none'],
  ['Mon Jan _2 15:04:05 MST 2006', 'named'],
  ['Mon Jan 02 15:04:05 -0700 2006', 'numeric'],
  ['2006-01-02 15:04:05Z07:00', 'numeric'],
  ['2006-01-02', 'none'],
  ['02 Jan 2006', 'none'],
  ['2006-01-02 15:04:05 -07:00', 'numeric'],
  ['2006-01-02 15:04:05 -0700', 'numeric'],
  ['3:04PM', 'time-only'],
  ['Jan _2 15:04:05', 'time-only'],
  ['Jan _2 15:04:05.000', 'time-only'],
  ['Jan _2 15:04:05.000000', 'time-only'],
  ['Jan _2 15:04:05.000000000', 'time-only'],
];

/** Go's layout elements these layouts use, longest first where one starts another. */
const ELEMENTS = ['Monday', 'Mon', 'Jan', '2006', '-07:00', '-0700', 'Z07:00', 'Z0700', '.999999999', '.000000000', '.000000', '.000', 'MST', 'PM', '15', '06', '01', '02', '_2', '04', '05', '3'];

type Chunk = { element: string } | { literal: string };

const CHUNKS = new Map<string, Chunk[]>(LAYOUTS.map(([layout]) => [layout, chunksOf(layout)]));

function chunksOf(layout: string): Chunk[] {
  const chunks: Chunk[] = [];
  let literal = '';
  for (let at = 0; at < layout.length; ) {
    const element = ELEMENTS.find((candidate) => layout.startsWith(candidate, at));
    if (element === undefined) {
      literal += layout[at++];
      continue;
    }
    if (literal !== '') chunks.push({ literal });
    literal = '';
    chunks.push({ element });
    at += element.length;
  }
  if (literal !== '') chunks.push({ literal });
  return chunks;
}

/** The date Hugo reads from a front-matter string, or undefined where it reads none. */
export function hugoDateOf(text: string): HugoDate | undefined {
  for (const [layout, zone] of LAYOUTS) {
    const date = parseWith(CHUNKS.get(layout)!, zone, text);
    if (date !== undefined) return date;
  }
  return undefined;
}

const MONTH_NAMES = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const DAY_NAMES = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

/** `time.Parse` of one layout, as far as cast's layouts need it; undefined where Go returns an error. */
function parseWith(chunks: readonly Chunk[], zone: ZoneKind, text: string): HugoDate | undefined {
  let value = text;
  let year = 0;
  let month = 1;
  let day = 1;
  let hour = 0;
  let minute = 0;
  let second = 0;
  let milliseconds = 0;
  let offsetMinutes: number | undefined;
  let pm: boolean | undefined;
  // At most `width` digits (exactly that many when `fixed`), as Go's `getnum`.
  const number = (width: 1 | 2 | 4, fixed: boolean): number | undefined => {
    const digits = /^\d+/.exec(value)?.[0] ?? '';
    const taken = width === 4 ? (digits.length >= 4 ? 4 : 0) : Math.min(digits.length, 2);
    if (taken === 0 || (fixed && taken < width)) return undefined;
    value = value.slice(taken);
    return Number(digits.slice(0, taken));
  };
  // A fraction of exactly `length` digits, or of up to `length`; cut to milliseconds, as Go cuts to nanoseconds.
  const fraction = (length: number, exact: boolean): boolean => {
    const match = /^[.,](\d+)/.exec(value);
    if (match === null) return !exact;
    if (exact && match[1].length < length) return false;
    const digits = match[1].slice(0, length);
    milliseconds = Number(`${digits}00`.slice(0, 3));
    value = value.slice(1 + digits.length);
    return true;
  };
  for (let index = 0; index < chunks.length; index++) {
    const chunk = chunks[index];
    if ('literal' in chunk) {
      const rest = skipLiteral(value, chunk.literal);
      if (rest === undefined) return undefined;
      value = rest;
      continue;
    }
    let parsed: number | undefined = 0;
    switch (chunk.element) {
      case '2006':
        parsed = year = number(4, true) ?? NaN;
        break;
      case '06':
        parsed = number(2, true);
        if (parsed !== undefined) year = parsed >= 69 ? 1900 + parsed : 2000 + parsed;
        break;
      case 'Jan':
      case 'Mon':
      case 'Monday': {
        const names = chunk.element === 'Jan' ? MONTH_NAMES : chunk.element === 'Mon' ? DAY_NAMES.map((name) => name.slice(0, 3)) : DAY_NAMES;
        const found = names.findIndex((name) => value.slice(0, name.length).toLowerCase() === name);
        if (found < 0) return undefined;
        if (chunk.element === 'Jan') month = found + 1;
        value = value.slice(names[found].length);
        break;
      }
      case '01':
        parsed = month = number(2, true) ?? NaN;
        if (month < 1 || month > 12) return undefined;
        break;
      case '02':
      case '_2':
        if (chunk.element === '_2' && value.startsWith(' ')) value = value.slice(1);
        parsed = day = number(2, chunk.element === '02') ?? NaN;
        break;
      case '15':
      case '3':
        parsed = hour = number(2, false) ?? NaN;
        if (hour >= (chunk.element === '15' ? 24 : 13)) return undefined;
        break;
      case '04':
        parsed = minute = number(2, true) ?? NaN;
        if (minute >= 60) return undefined;
        break;
      case '05': {
        parsed = second = number(2, true) ?? NaN;
        if (second >= 60) return undefined;
        // Go reads a fraction after the seconds, all its digits, even where the layout has none.
        const next = chunks[index + 1];
        if (!(next !== undefined && 'element' in next && next.element.startsWith('.')) && /^[.,]\d/.test(value)) fraction(Infinity, false);
        break;
      }
      case '.999999999':
        // At most nine digits (Go 1.19, which Hugo 0.111 is built with).
        fraction(9, false);
        break;
      case '.000':
      case '.000000':
      case '.000000000':
        if (!fraction(chunk.element.length - 1, true)) return undefined;
        break;
      case 'PM':
        if (value.startsWith('PM')) pm = true;
        else if (value.startsWith('AM')) pm = false;
        else return undefined;
        value = value.slice(2);
        break;
      case 'MST': {
        const length = value.startsWith('UTC') ? 3 : zoneNameLength(value);
        if (length === 0) return undefined;
        value = value.slice(length);
        break;
      }
      default: {
        // '-07:00', '-0700', 'Z07:00', 'Z0700'
        if (chunk.element.startsWith('Z') && value.startsWith('Z')) {
          value = value.slice(1);
          offsetMinutes = 0;
          break;
        }
        // Go 1.19 checks no range: `+25:00` is read.
        const match = (chunk.element.includes(':') ? /^([+-])(\d\d):(\d\d)/ : /^([+-])(\d\d)(\d\d)/).exec(value);
        if (match === null) return undefined;
        offsetMinutes = (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3]));
        value = value.slice(match[0].length);
      }
    }
    if (parsed === undefined || Number.isNaN(parsed)) return undefined;
  }
  if (value !== '') return undefined;
  if (pm === true && hour < 12) hour += 12;
  else if (pm === false && hour === 12) hour = 0;
  if (day < 1 || day > daysIn(month, year)) return undefined;
  const wallClock = new Date(0);
  wallClock.setUTCFullYear(year, month - 1, day);
  wallClock.setUTCHours(hour, minute, second, milliseconds);
  // Without a numeric offset (or with a zone's name only) the wall clock is read in UTC.
  if (zone !== 'numeric' || offsetMinutes === undefined || offsetMinutes === 0) return { instant: wallClock, wallClock };
  return { instant: new Date(wallClock.getTime() - offsetMinutes * 60_000), wallClock };
}

/** Go's `skip`: the layout's text, where a run of blanks stands for one or more blanks in the value. */
function skipLiteral(value: string, literal: string): string | undefined {
  let rest = value;
  for (let at = 0; at < literal.length; ) {
    if (literal[at] === ' ') {
      if (rest !== '' && rest[0] !== ' ') return undefined;
      while (literal[at] === ' ') at++;
      rest = rest.replace(/^ +/, '');
      continue;
    }
    if (rest[0] !== literal[at]) return undefined;
    rest = rest.slice(1);
    at++;
  }
  return rest;
}

/** How long the time zone's name at the start of `value` is, as Go's `parseTimeZone` reads it; 0 for none. */
function zoneNameLength(value: string): number {
  if (value.length < 3) return 0;
  if (value.startsWith('ChST') || value.startsWith('MeST')) return 4;
  if (value.startsWith('GMT')) return 3 + signedOffsetLength(value.slice(3));
  if (value[0] === '+' || value[0] === '-') return signedOffsetLength(value);
  const upper = /^[A-Z]{0,6}/.exec(value)![0].length;
  if (upper === 3) return 3;
  if (upper === 4 && (value[3] === 'T' || value.startsWith('WITA'))) return 4;
  if (upper === 5 && value[4] === 'T') return 5;
  return 0;
}

/** Go's `parseSignedOffset`: a sign and any number of digits, of at most 23 hours; 0 for none. */
function signedOffsetLength(value: string): number {
  const match = /^[+-](\d+)/.exec(value);
  return match === null || Number(match[1]) > 23 ? 0 : match[0].length;
}

function daysIn(month: number, year: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}
