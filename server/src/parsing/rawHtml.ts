/**
 * Where raw HTML lies, as CommonMark reads it: HTML comments, tags, and blocks of it. Told
 * generously, as every use leaves what lies in raw HTML alone: a block is HTML from a line that
 * starts with a tag (in a list item or a quote too, and right after a paragraph's line, where
 * CommonMark starts one only for block-level tags) to the next blank line; one opened by `<pre`,
 * `<script`, `<style` or `<textarea` to the line that closes it, blank lines and all. Asked for
 * offsets in increasing order, in time linear in the text.
 */
export class RawHtml {
  private readonly comments: Array<[number, number]> = [];
  private nextComment = 0;
  private scanned: number;
  private inTag = false;
  /** Whether the line being scanned lies in an HTML block. */
  private inBlock = false;
  /** The element whose closing tag ends the block it opened (`pre`), where one did; `''` on the line after that tag. */
  private closedBy: string | undefined;

  constructor(private readonly text: string, from: number) {
    for (let open = text.indexOf('<!--', from); open !== -1; ) {
      const close = text.indexOf('-->', open + 4);
      if (close === -1) break;
      this.comments.push([open, close + 3]);
      open = text.indexOf('<!--', close + 3);
    }
    this.scanned = from;
    this.startLine(from);
  }

  holds(offset: number): boolean {
    while (this.nextComment < this.comments.length && this.comments[this.nextComment][1] <= offset) this.nextComment++;
    if (this.nextComment < this.comments.length && this.comments[this.nextComment][0] < offset) return true;
    // Forward to `offset`: whether it is inside a tag, and whether its line lies in an HTML block.
    const text = this.text;
    for (; this.scanned < offset; this.scanned++) {
      const character = text[this.scanned];
      if (character === '\n') {
        this.inTag = false;
        this.startLine(this.scanned + 1);
      } else if (character === '<') this.inTag = /[A-Za-z/]/.test(text[this.scanned + 1] ?? '');
      else if (character === '>') this.inTag = false;
    }
    return this.inTag || this.inBlock;
  }

  /** Whether the line starting at `start` lies in an HTML block, from what the lines before said. */
  private startLine(start: number): void {
    const end = this.text.indexOf('\n', start);
    const line = this.text.slice(start, end === -1 ? this.text.length : end);
    if (this.closedBy !== undefined && this.closedBy !== '') {
      this.inBlock = true;
      if (line.toLowerCase().includes(`</${this.closedBy}`)) this.closedBy = '';
      return;
    }
    // The line after the one that closed such a block starts afresh.
    if (this.closedBy === '') [this.closedBy, this.inBlock] = [undefined, false];
    if (line.trim() === '') {
      this.inBlock = false;
      return;
    }
    // After the markers of quotes and list items.
    const tag = /^(?:[ \t]*(?:>|[-+*]|\d{1,9}[.)])(?=[ \t]|$))*[ \t]*<(\/?)([A-Za-z][\w-]*)(?:[\s/>]|$)/.exec(line);
    if (tag === null) return;
    this.inBlock = true;
    const name = tag[2].toLowerCase();
    if (tag[1] === '' && VERBATIM_ELEMENTS.has(name) && !line.toLowerCase().includes(`</${name}`)) this.closedBy = name;
  }
}

/** The elements whose HTML block ends with their closing tag, not at a blank line (CommonMark's first kind). */
const VERBATIM_ELEMENTS = new Set(['pre', 'script', 'style', 'textarea']);
