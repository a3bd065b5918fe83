/**
 * A Hugo site in English and German whose history is made by real `git` commits, one for each
 * case the translation status must tell apart. Commit times are fixed (one day apart from
 * 2026-01-01), so dates and counts are known.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createWorkspace, type Workspace } from './fixtures';

export interface TranslationRepo extends Workspace {
  /** The full hash of each named commit. */
  commits: Record<string, string>;
  /** Runs git in the repository. */
  git(...args: string[]): string;
}

const entry = (title: string, body: string, extra = '') => `---\ntitle: ${title}\n${extra}---\n\n**${body}**\n`;

/**
 * The files at the end (content/en and content/de):
 * - `changed-after.md`: the original changed twice after its translation: outdated, 2 commits.
 * - `changed-before.md`: the original changed, then the translation: up to date.
 * - `missing.md`: no German translation.
 * - de `orphan.md`: a translation whose original was deleted.
 * - `neuer Name ä.md`: renamed from `alt name.md` together with its translation (a rename is no
 *   change), then the original changed once: outdated, 1 commit, its old text under the old name.
 * - `pinned.md`: the translation was touched after the original changed, but pins the original's
 *   first version with `translated_from`: outdated by the pin, up to date by history.
 */
export function createTranslationRepo(): TranslationRepo {
  const workspace = createWorkspace({}, 'md-glossary-translations-');
  return { ...workspace, ...commitTranslationHistory(workspace.root) };
}

/** Writes the site into a folder (a new Git repository there) and makes its history. */
export function commitTranslationHistory(root: string): Pick<TranslationRepo, 'commits' | 'git'> {
  const write = (rel: string, content: string) => {
    const file = path.join(root, ...rel.split('/'));
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
  };
  const workspace = { write, remove: (rel: string) => fs.rmSync(path.join(root, ...rel.split('/')), { force: true }), root };
  write(
    'hugo.toml',
    [
      "baseURL = 'https://example.org/'",
      "defaultContentLanguage = 'en'",
      '[languages.en]',
      "contentDir = 'content/en'",
      'weight = 1',
      '[languages.de]',
      "contentDir = 'content/de'",
      'weight = 2',
      '',
    ].join('\n'),
  );
  let day = 0;
  const git = (...args: string[]) => execFileSync('git', args, { cwd: workspace.root, encoding: 'utf8' });
  const commits: Record<string, string> = {};
  const commit = (name: string) => {
    day++;
    const date = `2026-01-${String(day).padStart(2, '0')}T12:00:00Z`;
    git('add', '-A');
    execFileSync('git', ['commit', '-q', '-m', name], {
      cwd: workspace.root,
      env: { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date, GIT_AUTHOR_NAME: 'Test', GIT_AUTHOR_EMAIL: 'test@example.org', GIT_COMMITTER_NAME: 'Test', GIT_COMMITTER_EMAIL: 'test@example.org' },
    });
    commits[name] = git('rev-parse', 'HEAD').trim();
  };
  git('init', '-q', '-b', 'main');
  workspace.write('content/en/changed-after.md', entry('Changed After', 'Version one.'));
  workspace.write('content/en/changed-before.md', entry('Changed Before', 'Version one.'));
  workspace.write('content/en/missing.md', entry('Missing', 'Only in English.'));
  workspace.write('content/en/orphan.md', entry('Orphan', 'Soon deleted.'));
  workspace.write('content/en/alt name.md', entry('Old Name', 'Version one.'));
  workspace.write('content/en/pinned.md', entry('Pinned', 'Version one.'));
  commit('originals');
  workspace.write('content/de/changed-after.md', entry('Danach geändert', 'Fassung eins.'));
  workspace.write('content/de/orphan.md', entry('Waise', 'Bald ohne Original.'));
  workspace.write('content/de/alt name.md', entry('Alter Name', 'Fassung eins.'));
  workspace.write('content/de/pinned.md', entry('Festgelegt', 'Fassung eins.', `translated_from: ${commits.originals.slice(0, 10)}\n`));
  commit('translations');
  workspace.write('content/en/changed-before.md', entry('Changed Before', 'Version two.'));
  workspace.write('content/en/pinned.md', entry('Pinned', 'Version two.'));
  commit('originals changed');
  workspace.write('content/de/changed-before.md', entry('Davor geändert', 'Fassung zwei.'));
  workspace.write('content/de/pinned.md', entry('Festgelegt', 'Fassung eins, ohne Tippfehler.', `translated_from: ${commits.originals.slice(0, 10)}\n`));
  commit('translations changed');
  workspace.write('content/en/changed-after.md', entry('Changed After', 'Version two.'));
  workspace.remove('content/en/orphan.md');
  git('mv', 'content/en/alt name.md', 'content/en/neuer Name ä.md');
  git('mv', 'content/de/alt name.md', 'content/de/neuer Name ä.md');
  commit('renamed');
  workspace.write('content/en/changed-after.md', entry('Changed After', 'Version three.'));
  workspace.write('content/en/neuer Name ä.md', entry('Old Name', 'Version two.'));
  commit('originals changed again');
  return { commits, git };
}
