/** Zero-based line/character positions, the same shape as LSP's `Position` and `Range`. */
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** A position packs into one small integer when its line and character fit these bits: every range of ordinary text. */
const CHARACTER_BITS = 16;
const PACKED_LINES = 2 ** 15;
const PACKED_CHARACTERS = 2 ** CHARACTER_BITS;

const fitsPacked = (line: number, character: number) => Number.isInteger(line) && Number.isInteger(character) && line >= 0 && line < PACKED_LINES && character >= 0 && character < PACKED_CHARACTERS;
const unpacked = (key: number): Position => ({ line: Math.floor(key / PACKED_CHARACTERS), character: key % PACKED_CHARACTERS });

/**
 * A range in one object of two small integers instead of three objects: what the index keeps of
 * closed files, whose ranges are many (250,000 at 10,000 files) and seldom read. Each end is its
 * line and character in one integer below 2^31, which V8 keeps in the object itself: 40 bytes a
 * range, 56 with four numbers. A range beyond (a line past 32,767 or a character past 65,535) is a
 * `WideRange` of four. It reads and serialises as a `Range`; each read of `start` or `end` makes a
 * new position.
 */
export class PackedRange implements Range {
  protected constructor(
    private readonly startKey: number,
    private readonly endKey: number,
  ) {}

  static from({ start, end }: Range): PackedRange {
    return PackedRange.of(start.line, start.character, end.line, end.character);
  }

  /** The four numbers as `toNumbers` gives them, without positions made on the way (decoding a cache). */
  static of(startLine: number, startCharacter: number, endLine: number, endCharacter: number): PackedRange {
    if (!fitsPacked(startLine, startCharacter) || !fitsPacked(endLine, endCharacter)) return new WideRange(startLine, startCharacter, endLine, endCharacter);
    return new PackedRange(startLine * PACKED_CHARACTERS + startCharacter, endLine * PACKED_CHARACTERS + endCharacter);
  }

  /** Start line, start character, end line, end character. */
  toNumbers(): [number, number, number, number] {
    const { start, end } = this;
    return [start.line, start.character, end.line, end.character];
  }

  get start(): Position {
    return unpacked(this.startKey);
  }

  get end(): Position {
    return unpacked(this.endKey);
  }

  toJSON(): Range {
    return { start: this.start, end: this.end };
  }
}

/** A `PackedRange` whose numbers do not pack: four of them. */
class WideRange extends PackedRange {
  constructor(
    private readonly startLine: number,
    private readonly startCharacter: number,
    private readonly endLine: number,
    private readonly endCharacter: number,
  ) {
    super(0, 0);
  }

  override get start(): Position {
    return { line: this.startLine, character: this.startCharacter };
  }

  override get end(): Position {
    return { line: this.endLine, character: this.endCharacter };
  }
}

/** Maps string offsets to positions. Built once per parse; positions are in UTF-16 code units like LSP's. */
export class LineIndex {
  private readonly lineStarts: number[];

  constructor(readonly text: string) {
    const starts = [0];
    if (!text.includes('\r')) {
      // Most files end their lines with \n alone, which indexOf finds far faster than a loop over each character.
      for (let offset = text.indexOf('\n'); offset !== -1; offset = text.indexOf('\n', offset + 1)) starts.push(offset + 1);
    } else {
      for (let offset = 0; offset < text.length; offset++) {
        const code = text.charCodeAt(offset);
        // \r\n, \n and a lone \r all end a line, as in the LSP specification.
        if (code === 13 /* \r */) {
          if (text.charCodeAt(offset + 1) === 10) offset++;
          starts.push(offset + 1);
        } else if (code === 10 /* \n */) {
          starts.push(offset + 1);
        }
      }
    }
    this.lineStarts = starts;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.lineStarts[middle] <= clamped) low = middle;
      else high = middle - 1;
    }
    // An offset between \r and \n is still the end of the line's content.
    return { line: low, character: Math.min(clamped, this.lineEndOffset(low)) - this.lineStarts[low] };
  }

  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.lineStarts.length) return this.text.length;
    const lineEnd = this.lineEndOffset(position.line);
    return Math.min(this.lineStarts[position.line] + Math.max(0, position.character), lineEnd);
  }

  /** The nearest position that exists in the text: past the end of a line means its end. */
  clamp(position: Position): Position {
    return this.positionAt(this.offsetAt(position));
  }

  rangeAt(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }

  lineStartOffset(line: number): number {
    return this.lineStarts[Math.max(0, Math.min(line, this.lineStarts.length - 1))];
  }

  /** Offset of the end of a line's content, before its line break. */
  lineEndOffset(line: number): number {
    if (line + 1 >= this.lineStarts.length) return this.text.length;
    let end = this.lineStarts[line + 1];
    if (this.text.charCodeAt(end - 1) === 10) end--;
    if (this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  lineText(line: number): string {
    return this.text.slice(this.lineStartOffset(line), this.lineEndOffset(line));
  }
}

export function rangeContains(range: Range, position: Position): boolean {
  return comparePositions(range.start, position) <= 0 && comparePositions(position, range.end) <= 0;
}

export function comparePositions(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

/** The line break a file uses: that of its first line, `\n` for a file of one line. */
export function lineBreakOf(text: string): string {
  const match = /\r\n|\n|\r/.exec(text);
  return match === null ? '\n' : match[0];
}

/** Applies non-overlapping edits to a text, in one pass however many there are. */
export function applyEdits(lines: LineIndex, edits: ReadonlyArray<{ range: Range; newText: string }>): string {
  const byOffset = edits
    .map((edit) => ({ start: lines.offsetAt(edit.range.start), end: lines.offsetAt(edit.range.end), newText: edit.newText }))
    .sort((a, b) => a.start - b.start);
  const pieces: string[] = [];
  let copied = 0;
  for (const edit of byOffset) {
    pieces.push(lines.text.slice(copied, edit.start), edit.newText);
    copied = edit.end;
  }
  pieces.push(lines.text.slice(copied));
  return pieces.join('');
}

/**
 * A string of its own with the same characters, for one kept long: V8 keeps a string cut from
 * another (13 characters or more) as a view that keeps the whole alive, and one joined from parts
 * as a tree of them. Joining makes a new string, which slicing flattens: a view of 32 bytes on a
 * copy that shares nothing. (A flat copy by a JSON round trip saved 4 MB at 10k files and cost
 * 120-190 ms of start-up: not worth it.)
 */
export function ownCopy(text: string): string {
  return text.length < 13 ? text : (' ' + text).slice(1);
}

/**
 * A text in NFC. Below U+0300 (combining marks start there) every text is in NFC already, so most
 * words skip the call, which costs more than the rest of folding.
 */
export function composed(text: string): string {
  return mayChangeInNfc(text) ? text.normalize('NFC') : text;
}

/** Whether a text holds a character at or above U+0300, where NFC may change it (see `composed`). */
export function mayChangeInNfc(text: string): boolean {
  return /[^\u0000-\u02ff]/.test(text);
}

/**
 * Control characters, line and paragraph separators and bidirectional overrides written as escapes:
 * file names and messages quote the workspace's text, which must not start a line of its own (a
 * forged finding, or a workflow command in GitHub Actions), colour a terminal or reorder what it shows.
 */
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

export function printable(text: string): string {
  return text.replace(UNPRINTABLE, (character) => {
    const named = ({ '\n': '\\n', '\r': '\\r', '\t': '\\t' } as Record<string, string>)[character];
    return named ?? `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}
