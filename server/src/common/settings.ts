import type { DiagnosticCode, Severity } from './diagnostic';

export type LinkStyleSetting = 'auto' | 'relative' | 'route' | 'wiki';
export type RuleSeverity = Severity | 'off';
export type MissingTranslationsSetting = 'auto' | 'always' | 'never';

/**
 * Everything a user can configure: the same settings in VS Code (`markdownGlossary.*`), in an
 * LSP client's configuration or initializationOptions, and in `.markdown-glossary.json` for the CLI.
 */
export interface GlossarySettings {
  /** Globs of the Markdown files that make the glossary, relative to the workspace folder. */
  include: string[];
  /** Globs of files and folders to leave out. */
  exclude: string[];
  /** Files larger than this many bytes are skipped with a message. */
  maxFileSize: number;
  /** Path of a tags file for every document, relative to the workspace folder; empty: nearest `tags.yml`. */
  tagsFile: string;
  /** Find terms at the end of closed compounds: "Prozess" in "Geschäftsprozess". */
  matchCompoundTails: boolean;
  /** How completed links are written; `auto` follows the document's links. */
  linkStyle: LinkStyleSetting;
  /** Front-matter keys every entry must have; `title` is also satisfied by an H1. */
  requiredKeys: string[];
  /** Front-matter keys other tools use, never reported as unknown. */
  extraKeys: string[];
  /** Folder for new terms, relative to the workspace folder; empty: the folder with the most terms. */
  newTermFolder: string;
  /** Report plain mentions of terms that are not linked yet (`unlinked-mention`). */
  unlinkedMentions: boolean;
  /** Hint on an original which locales lack it: `auto` on sites with at most three locales. */
  missingTranslations: MissingTranslationsSetting;
  /** Severity per rule code, or "off". */
  rules: Partial<Record<DiagnosticCode, RuleSeverity>>;
}

export const DEFAULT_SETTINGS: GlossarySettings = {
  include: ['**/*.md', '**/*.mdx'],
  exclude: [],
  maxFileSize: 1024 * 1024,
  tagsFile: '',
  matchCompoundTails: false,
  linkStyle: 'auto',
  requiredKeys: ['title'],
  extraKeys: [],
  newTermFolder: '',
  unlinkedMentions: false,
  missingTranslations: 'auto',
  rules: {},
};

/** Settings from an untrusted source (a JSON file, a client): wrong types fall back to the default. */
export function normalizeSettings(raw: unknown): GlossarySettings {
  const given = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const strings = (value: unknown, fallback: string[]) =>
    Array.isArray(value) && value.every((item) => typeof item === 'string') ? (value as string[]) : fallback;
  const rules: GlossarySettings['rules'] = {};
  if (typeof given.rules === 'object' && given.rules !== null) {
    for (const [code, severity] of Object.entries(given.rules)) {
      if (['error', 'warning', 'information', 'hint', 'off'].includes(severity as string)) {
        rules[code as DiagnosticCode] = severity as RuleSeverity;
      }
    }
  }
  return {
    include: strings(given.include, DEFAULT_SETTINGS.include),
    exclude: strings(given.exclude, DEFAULT_SETTINGS.exclude),
    maxFileSize:
      typeof given.maxFileSize === 'number' && Number.isFinite(given.maxFileSize) && given.maxFileSize > 0 ? given.maxFileSize : DEFAULT_SETTINGS.maxFileSize,
    tagsFile: typeof given.tagsFile === 'string' ? given.tagsFile : DEFAULT_SETTINGS.tagsFile,
    matchCompoundTails: given.matchCompoundTails === true,
    linkStyle: ['auto', 'relative', 'route', 'wiki'].includes(given.linkStyle as string)
      ? (given.linkStyle as LinkStyleSetting)
      : DEFAULT_SETTINGS.linkStyle,
    requiredKeys: strings(given.requiredKeys, DEFAULT_SETTINGS.requiredKeys),
    extraKeys: strings(given.extraKeys, DEFAULT_SETTINGS.extraKeys),
    newTermFolder: typeof given.newTermFolder === 'string' ? given.newTermFolder : DEFAULT_SETTINGS.newTermFolder,
    unlinkedMentions: given.unlinkedMentions === true,
    missingTranslations: ['auto', 'always', 'never'].includes(given.missingTranslations as string)
      ? (given.missingTranslations as MissingTranslationsSetting)
      : DEFAULT_SETTINGS.missingTranslations,
    rules,
  };
}
