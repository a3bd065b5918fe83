/**
 * Where raw HTML lies, as CommonMark reads it: HTML comments, tags, and blocks that start with a tag
 * (up to the next blank line). Asked for offsets in increasing order, in time linear in the text.
 */
export class RawHtml {
  private readonly comments: Array<[number, number]> = [];
  private nextComment = 0;
  private scanned: number;
  private lineStart: number;
  private blockStart: number;
  private inTag = false;

  constructor(private readonly text: string, from: number) {
    for (let open = text.indexOf('<!--', from); open !== -1; ) {
      const close = text.indexOf('-->', open + 4);
      if (close === -1) break;
      this.comments.push([open, close + 3]);
      open = text.indexOf('<!--', close + 3);
    }
    this.scanned = from;
    this.lineStart = from;
    this.blockStart = from;
  }

  holds(offset: number): boolean {
    while (this.nextComment < this.comments.length && this.comments[this.nextComment][1] <= offset) this.nextComment++;
    if (this.nextComment < this.comments.length && this.comments[this.nextComment][0] < offset) return true;
    // Forward to `offset`: whether it is inside a tag, and the first line of its block.
    const text = this.text;
    for (; this.scanned < offset; this.scanned++) {
      const character = text[this.scanned];
      if (character === '\n') {
        if (text.slice(this.lineStart, this.scanned).trim() === '') this.blockStart = this.scanned + 1;
        this.lineStart = this.scanned + 1;
        this.inTag = false;
      } else if (character === '<') this.inTag = /[A-Za-z/]/.test(text[this.scanned + 1] ?? '');
      else if (character === '>') this.inTag = false;
    }
    if (this.inTag) return true;
    const firstLineEnd = text.indexOf('\n', this.blockStart);
    return /^ {0,3}<\/?[A-Za-z][\w-]*(?:[\s/>]|$)/.test(text.slice(this.blockStart, firstLineEnd === -1 ? text.length : firstLineEnd));
  }
}
