import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { PREVIEW_MARKS_REQUEST, type PreviewMarks, type PreviewMarksParams } from '../../server/src/lsp/protocol';
import { carriedOver, glossaryPreview, type MarkdownIt } from './previewPlugin';

/** Texts remembered: one per previewed document, and bare texts rendered through `markdown.api.render`. */
const MAX_REMEMBERED = 32;
/** Status notifications come in bursts while the glossary is indexed or edited. */
const REFRESH_DELAY_MS = 200;

/**
 * The glossary in VS Code's Markdown preview. Rendering is synchronous and may come before the
 * server has answered (or started): it shows the marks known for the text, carried over from the
 * document's previous text while the server reads the new one, and previews are refreshed when an
 * answer changes what they show.
 */
export class GlossaryPreview {
  /** The text last rendered, by document URI (or by the text itself without one). */
  private readonly rendered = new Map<string, { text: string; uri: string | undefined }>();
  /** The server's latest answer for each of them, and the text it is for. */
  private readonly answers = new Map<string, { text: string; marks: PreviewMarks }>();
  private readonly asking = new Set<string>();
  /** Asked while an answer was on its way, which may be older than the glossary now. */
  private readonly askAgain = new Set<string>();
  private refreshTimer: NodeJS.Timeout | undefined;

  constructor(private readonly client: () => LanguageClient | undefined) {}

  extendMarkdownIt(md: MarkdownIt): MarkdownIt {
    return glossaryPreview(md, (text, uri) => this.marksFor(text, uri));
  }

  /** The glossary changed: asks again for every text remembered, and refreshes the previews it changes. */
  glossaryChanged(): void {
    clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => {
      for (const key of this.rendered.keys()) void this.ask(key, true);
    }, REFRESH_DELAY_MS);
  }

  private marksFor(text: string, uri: string | undefined): PreviewMarks | undefined {
    const key = uri ?? text;
    this.rendered.delete(key);
    this.rendered.set(key, { text, uri });
    for (const old of this.rendered.keys()) {
      if (this.rendered.size <= MAX_REMEMBERED) break;
      this.rendered.delete(old);
      this.answers.delete(old);
    }
    const answer = this.answers.get(key);
    if (answer?.text === text) return answer.marks;
    // Called for every text of the page: one question for all of them.
    void this.ask(key, false);
    return answer === undefined ? undefined : carriedOver(answer.marks, answer.text, text);
  }

  /** Asks the server for the marks of the text last rendered under `key`; `again`: even if an answer is on its way. */
  private async ask(key: string, again: boolean): Promise<void> {
    const client = this.client();
    if (client === undefined || !client.isRunning()) return;
    if (this.asking.has(key)) {
      if (again) this.askAgain.add(key);
      return;
    }
    this.asking.add(key);
    let changed = false;
    try {
      for (;;) {
        const wanted = this.rendered.get(key);
        if (wanted === undefined) return;
        const params: PreviewMarksParams = wanted.uri === undefined ? { text: wanted.text } : { text: wanted.text, uri: wanted.uri };
        const marks = await client.sendRequest<PreviewMarks>(PREVIEW_MARKS_REQUEST, params);
        const before = this.answers.get(key);
        this.answers.set(key, { text: wanted.text, marks });
        changed ||= before === undefined || before.text !== wanted.text || JSON.stringify(before.marks) !== JSON.stringify(marks);
        // Rendered again meanwhile, or the glossary changed: asked again.
        if (this.askAgain.delete(key) || this.rendered.get(key)?.text !== wanted.text) continue;
        if (changed) void vscode.commands.executeCommand('markdown.preview.refresh');
        return;
      }
    } catch {
      // The server is restarting: it says when it has read the glossary again, and then it is asked again.
    } finally {
      this.asking.delete(key);
    }
  }
}
