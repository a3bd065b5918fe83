import * as l10n from '@vscode/l10n';
import { closest, distance } from 'fastest-levenshtein';
import { RULES, type DiagnosticCode, type Severity } from './diagnostic';

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
  /** Above a term's title, how many places refer to it and how many mention it without a link. */
  codeLens: boolean;
  /** Severity per rule code, or "off". */
  rules: Partial<Record<DiagnosticCode, RuleSeverity>>;
  /** Keep what was parsed of each file on disk, so the next start reads only files that changed. */
  cache: boolean;
  /** Folder for that cache; empty: the editor's workspace storage, else the system's cache folder. */
  cacheFolder: string;
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
  codeLens: false,
  rules: {},
  cache: true,
  cacheFolder: '',
};

const SEVERITIES: readonly RuleSeverity[] = ['error', 'warning', 'information', 'hint', 'off'];
const LINK_STYLES: readonly LinkStyleSetting[] = ['auto', 'relative', 'route', 'wiki'];
const MISSING_TRANSLATIONS: readonly MissingTranslationsSetting[] = ['auto', 'always', 'never'];

/** What a settings file says wrong, at a key (`at: 'key'`) or its value, by the path of keys to it. */
export interface SettingsProblem {
  path: string[];
  at: 'key' | 'value';
  message: string;
}

/**
 * Everything a settings file gets wrong: an unknown key (with the known one it is probably a typo
 * of), a value of the wrong type, an unknown rule or severity. `normalizeSettings` still makes the
 * best of such a file; the CLI refuses it, the editor shows where.
 */
export function settingsProblems(raw: unknown): SettingsProblem[] {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return [{ path: [], at: 'value', message: l10n.t('The settings must be an object.') }];
  const problems: SettingsProblem[] = [];
  const wrongType = (key: string, expected: string) => problems.push({ path: [key], at: 'value', message: l10n.t('"{0}" must be {1}.', key, expected) });
  for (const [key, value] of Object.entries(raw)) {
    const defaultValue = (DEFAULT_SETTINGS as unknown as Record<string, unknown>)[key];
    // `$schema` tells an editor which schema checks the file.
    if (key === '$schema') {
      if (typeof value !== 'string') wrongType(key, l10n.t('a string'));
    } else if (!Object.hasOwn(DEFAULT_SETTINGS, key)) {
      problems.push({ path: [key], at: 'key', message: unknownMessage(l10n.t('Unknown setting "{0}".', key), key, Object.keys(DEFAULT_SETTINGS)) });
    } else if (key === 'linkStyle' || key === 'missingTranslations') {
      const allowed = key === 'linkStyle' ? LINK_STYLES : MISSING_TRANSLATIONS;
      if (!allowed.includes(value as never)) wrongType(key, l10n.t('one of {0}', allowed.join(', ')));
    } else if (key === 'maxFileSize') {
      if (typeof value !== 'number' || !Number.isFinite(value) || value < 1) wrongType(key, l10n.t('a number of bytes, at least 1'));
    } else if (key === 'rules') {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) wrongType(key, l10n.t('an object of rule codes and severities'));
      else problems.push(...ruleProblems(value as Record<string, unknown>));
    } else if (Array.isArray(defaultValue)) {
      if (!Array.isArray(value) || value.some((item) => typeof item !== 'string')) wrongType(key, l10n.t('a list of strings'));
    } else if (typeof value !== typeof defaultValue) {
      wrongType(key, typeof defaultValue === 'boolean' ? l10n.t('true or false') : l10n.t('a string'));
    }
  }
  return problems;
}

function ruleProblems(rules: Record<string, unknown>): SettingsProblem[] {
  const problems: SettingsProblem[] = [];
  for (const [code, severity] of Object.entries(rules)) {
    if (!Object.hasOwn(RULES, code)) {
      problems.push({ path: ['rules', code], at: 'key', message: unknownMessage(l10n.t('Unknown rule "{0}".', code), code, Object.keys(RULES)) });
    } else if (!SEVERITIES.includes(severity as RuleSeverity)) {
      problems.push({ path: ['rules', code], at: 'value', message: l10n.t('Unknown severity {0} for rule "{1}": use {2}.', JSON.stringify(severity) ?? String(severity), code, SEVERITIES.join(', ')) });
    }
  }
  return problems;
}

/** The message, with "did you mean" when one known name is a likely typo of the given one. */
function unknownMessage(message: string, given: string, known: string[]): string {
  const nearest = closest(given, known);
  // A third of the name may differ: "linkstyle", "maxFilesize", "broken-links" are typos, "foo" is not.
  return distance(given.toLowerCase(), nearest.toLowerCase()) <= Math.max(1, Math.floor(nearest.length / 3)) ? `${message} ${l10n.t('Did you mean "{0}"?', nearest)}` : message;
}

/** Settings from an untrusted source (a JSON file, a client): wrong types fall back to the default. */
export function normalizeSettings(raw: unknown): GlossarySettings {
  const given = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const strings = (value: unknown, fallback: string[]) =>
    Array.isArray(value) && value.every((item) => typeof item === 'string') ? (value as string[]) : fallback;
  const rules: GlossarySettings['rules'] = {};
  if (typeof given.rules === 'object' && given.rules !== null) {
    for (const [code, severity] of Object.entries(given.rules)) {
      if (SEVERITIES.includes(severity as RuleSeverity)) {
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
    linkStyle: LINK_STYLES.includes(given.linkStyle as LinkStyleSetting)
      ? (given.linkStyle as LinkStyleSetting)
      : DEFAULT_SETTINGS.linkStyle,
    requiredKeys: strings(given.requiredKeys, DEFAULT_SETTINGS.requiredKeys),
    extraKeys: strings(given.extraKeys, DEFAULT_SETTINGS.extraKeys),
    newTermFolder: typeof given.newTermFolder === 'string' ? given.newTermFolder : DEFAULT_SETTINGS.newTermFolder,
    unlinkedMentions: given.unlinkedMentions === true,
    missingTranslations: MISSING_TRANSLATIONS.includes(given.missingTranslations as MissingTranslationsSetting)
      ? (given.missingTranslations as MissingTranslationsSetting)
      : DEFAULT_SETTINGS.missingTranslations,
    codeLens: given.codeLens === true,
    rules,
    cache: given.cache !== false,
    cacheFolder: typeof given.cacheFolder === 'string' ? given.cacheFolder : DEFAULT_SETTINGS.cacheFolder,
  };
}
