import * as l10n from '@vscode/l10n';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

/**
 * Loads the message bundle for a locale ("de", "de-AT") following VS Code's l10n layout
 * (`l10n/bundle.l10n.<locale>.json`); English, the source language, needs none.
 */
export function useLocale(locale: string | undefined, bundleFolder: string): void {
  const candidates = locale ? [locale.toLowerCase(), locale.toLowerCase().split(/[-_]/)[0]] : [];
  for (const candidate of candidates) {
    try {
      useBundle(JSON.parse(readFileSync(path.join(bundleFolder, `bundle.l10n.${candidate}.json`), 'utf8')));
      return;
    } catch {
      // No bundle for this locale: try the language alone, then fall back to English.
    }
  }
  useBundle({});
}

/** Uses a bundle of translations: English message -> translated message. */
export function useBundle(contents: Record<string, string>): void {
  l10n.config({ contents });
  bundleInUse = contents;
  bundleFingerprint = createHash('sha256').update(JSON.stringify(contents)).digest('hex');
}

let bundleInUse: Record<string, string> = {};
let bundleFingerprint = '';

/** The bundle of translations in use, for a thread that writes messages too (see `parseWorker.ts`). */
export function bundleOfMessages(): Record<string, string> {
  return bundleInUse;
}

/** Which messages are in use: the parser's diagnostics are written in them, so a cache of parses must be in the same. */
export function messagesFingerprint(): string {
  return bundleFingerprint;
}

/** The folder of the message bundles, beside the `dist/` folder that holds the running bundle. */
export function bundledL10nFolder(): string {
  return path.join(__dirname, '..', 'l10n');
}
