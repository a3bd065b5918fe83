// The types of `require('markdown-glossary')` (dist/lib.js, built from server/src/cli/library.ts).

/** One finding, as `markdown-glossary check --format json` prints it; lines and columns are 1-based. */
export interface Finding {
  /** Relative to the `cwd` of the check, with forward slashes. */
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: 'error' | 'warning' | 'information' | 'hint';
  /** The rule, as in docs/rules.md: "broken-link", "unknown-tag", … */
  code: string;
  message: string;
}

export interface CheckResult {
  findings: Finding[];
  filesChecked: number;
  filesFixed: number;
  /** Files `fix` had fixes for but could not rewrite: not UTF-8, not writable, or a link out of the workspace. */
  filesNotFixed: number;
}

export interface CheckOptions {
  /** The folder paths are relative to and findings are reported from; default: process.cwd(). */
  cwd?: string;
  /**
   * Settings as in `.markdown-glossary.json` (README, "Settings"), used instead of the settings file;
   * missing or mistyped ones take their defaults. Without them, the settings file is found as the
   * CLI finds it, and one with a mistake rejects the promise with its problems (`error.problems`).
   */
  settings?: object;
  /** A settings file to use instead of the one found (the CLI's `--config`). */
  config?: string;
  /** Whether `.gitignore` files leave files out, as in the CLI; default true. */
  gitignore?: boolean;
  /** Apply the safe fixes to the files first, as `check --fix`. */
  fix?: boolean;
  /** The language of the messages ("de"); default: English. */
  locale?: string;
  /** Hears what the CLI writes to stderr: files skipped, fixes not written. */
  log?: (message: string) => void;
}

/** Checks the glossary in the given files and folders (default: the cwd), as `markdown-glossary check`. */
export function check(paths?: string[], options?: CheckOptions): Promise<CheckResult>;

export interface GlossaryEntry {
  /** Front matter `id`, else the file name without extension. */
  id: string;
  /** Front matter `title`, else the first H1, else the id. */
  title: string;
  aliases: string[];
  tags: string[];
  /** Front matter `not_mentions`: phrases in which the name means something else. */
  notMentions: string[];
  /** Markdown: the bold lead sentence if the body opens with one, else the first paragraph. */
  definition: string;
}

/** What one Markdown file says about its term; undefined for a file without front matter (a note). */
export function parseEntry(text: string, fileName?: string): GlossaryEntry | undefined;

/** The package's version. */
export const version: string;
