import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DEFAULT_SETTINGS } from '../../server/src/common/settings';
import { fileUri } from '../../server/src/common/uris';
import { LineIndex } from '../../server/src/common/text';
import { complete } from '../../server/src/features/completion';
import { documentDiagnostics } from '../../server/src/features/diagnostics/documentDiagnostics';
import { translationReport, type HistorySnapshot, type TranslationReport, type TranslationState } from '../../server/src/features/translationStatus';
import { translationReportAsText } from '../../server/src/features/translationTable';
import { GlossaryIndex } from '../../server/src/index/glossaryIndex';
import { parseDocument } from '../../server/src/parsing/document';
import { parseLog } from '../../server/src/parsing/gitLog';
import { GlossaryScope } from '../../server/src/workspace/files';
import { fileAtCommit } from '../../server/src/workspace/gitHistory';
import { loadGlossary } from '../../server/src/workspace/loadGlossary';
import { loadHistorySnapshot } from '../../server/src/workspace/translationHistory';
import { createTranslationRepo, type TranslationRepo } from '../support/translationRepo';

async function indexOf(root: string): Promise<GlossaryIndex> {
  const index = new GlossaryIndex();
  await loadGlossary(index, new GlossaryScope([root]), () => undefined);
  return index;
}

/** The state of each original's German translation, by the original's file name. */
function statesOf(report: TranslationReport, root: string): Record<string, TranslationState> {
  return Object.fromEntries(report.originals.map((original) => [path.relative(root, decodeURIComponent(new URL(original.uri).pathname)), original.translations[0]]));
}

describe('translation status from a repository with real commits', () => {
  let repo: TranslationRepo;
  let index: GlossaryIndex;
  let history: HistorySnapshot;
  let report: TranslationReport;
  before(async () => {
    repo = createTranslationRepo();
    index = await indexOf(repo.root);
    history = await loadHistorySnapshot(index);
    report = translationReport(index, history);
  });
  after(() => repo.dispose());

  it('calls a translation outdated by the original commits it has not seen, with their dates', () => {
    const state = statesOf(report, repo.root)['content/en/changed-after.md'];
    assert.equal(state.state, 'outdated');
    assert.equal(state.basis, 'git');
    assert.equal(state.commitsBehind, 2);
    assert.equal(new Date(state.translated!).toISOString(), '2026-01-02T12:00:00.000Z');
    assert.equal(new Date(state.originalChanged!).toISOString(), '2026-01-06T12:00:00.000Z');
    assert.deepEqual(state.since, { root: repo.root, commit: repo.commits.originals, path: 'content/en/changed-after.md' });
  });

  it('calls a translation made after the original changed up to date, and lists a missing one', () => {
    const states = statesOf(report, repo.root);
    assert.equal(states['content/en/changed-before.md'].state, 'up-to-date');
    assert.equal(states['content/en/changed-before.md'].commitsBehind, 0);
    assert.deepEqual(states['content/en/missing.md'], { locale: 'de', state: 'missing' });
  });

  it('follows a renamed original: the rename is no change, the later edit is, and the old text is found under the old name', async () => {
    const state = statesOf(report, repo.root)['content/en/neuer Name ä.md'];
    assert.equal(state.state, 'outdated');
    assert.equal(state.commitsBehind, 1);
    assert.equal(state.since?.path, 'content/en/alt name.md');
    assert.match((await fileAtCommit(state.since!.root, state.since!.commit, state.since!.path!))!, /Version one\./);
  });

  it('lets translated_from win over the history', () => {
    const state = statesOf(report, repo.root)['content/en/pinned.md'];
    assert.equal(state.basis, 'pinned-commit');
    assert.equal(state.state, 'outdated');
    assert.equal(state.commitsBehind, 1);
  });

  it('reports a translation whose original was deleted as an orphan', () => {
    assert.deepEqual(
      report.orphans.map((orphan) => [path.relative(repo.root, new URL(orphan.uri).pathname), orphan.locale]),
      [['content/de/orphan.md', 'de']],
    );
    assert.deepEqual(report.fallbacks, []);
  });

  it('prints the table a terminal shows', () => {
    const text = translationReportAsText(report, { shown: (uri) => path.relative(repo.root, decodeURIComponent(new URL(uri).pathname)) });
    assert.match(text, /^content\/en\/changed-after\.md +de +outdated by 2 commits +translated 2026-01-02, original changed 2026-01-06 +content\/de\/changed-after\.md$/m);
    assert.match(text, /^content\/en\/missing\.md +de +missing$/m);
    assert.match(text, /^ +de +orphan: no original +content\/de\/orphan\.md$/m);
    assert.match(text, /^de: up to date 1, outdated 3, missing 1, unknown 0, orphans 1$/m);
  });

  it('hints on the outdated translation and on the original its missing locale, and checks translated_from', async () => {
    const diagnosticsOf = (rel: string) => {
      const document = index.getDocument(repo.uri(rel))!;
      return documentDiagnostics(index, document, DEFAULT_SETTINGS, undefined, history).filter((diagnostic) => diagnostic.code.includes('translat'));
    };
    assert.deepEqual(
      diagnosticsOf('content/de/changed-after.md').map(({ code, severity, message }) => [code, severity, message]),
      [['outdated-translation', 'hint', 'The original ../en/changed-after.md changed in 2 commits since this translation (2026-01-02).']],
    );
    assert.deepEqual(diagnosticsOf('content/en/missing.md').map(({ code, message }) => [code, message]), [['missing-translation', 'Not translated into: de.']]);
    assert.deepEqual(diagnosticsOf('content/de/changed-before.md'), []);
    const never = documentDiagnostics(index, index.getDocument(repo.uri('content/en/missing.md'))!, { ...DEFAULT_SETTINGS, missingTranslations: 'never' }, undefined, history);
    assert.equal(never.filter((diagnostic) => diagnostic.code === 'missing-translation').length, 0);
    // As in the editor: the document edited, the history read again for its new pin.
    const pinned = async (value: string, rel = 'content/de/changed-before.md') => {
      const uri = repo.uri(rel);
      const before = index.getDocument(uri)!;
      index.setDocument(uri, `---\ntitle: Davor geändert\ntranslated_from: ${value}\n---\n`);
      history = await loadHistorySnapshot(index);
      const found = diagnosticsOf(rel).map(({ code, message, range }) => [code, message, range.start.line]);
      index.setParsedDocument(before);
      return found;
    };
    assert.deepEqual(await pinned('--exec=rm'), [
      ['invalid-translated-from', '"translated_from" names the version of the original a translation was made from: a commit (7 to 64 hexadecimal digits) or a date (2026-11-30).', 2],
    ]);
    assert.deepEqual(await pinned('abcdef0123'), [['invalid-translated-from', 'The repository has no commit abcdef0123.', 2]]);
    assert.deepEqual(await pinned('2025-12-31'), [['outdated-translation', 'The original ../en/changed-before.md changed in 2 commits since this translation (2025-12-31).', 2]]);
    assert.deepEqual(await pinned('2026-01-05'), []);
    assert.deepEqual((await pinned('2026-02-30')).map(([code]) => code), ['invalid-translated-from'], 'a day that does not exist');
    assert.deepEqual((await pinned('2026-01-05', 'content/en/missing.md')).map(([code, message]) => [code, message]), [
      ['invalid-translated-from', 'Only a translation names the version of its original it was made from.'],
      ['missing-translation', 'Not translated into: de.'],
    ]);
  });

  it("completes translated_from with the original's latest commit", () => {
    const text = '---\ntitle: Danach geändert\ntranslated_from: \n---\n';
    const lines = new LineIndex(text);
    const document = parseDocument(repo.uri('content/de/changed-after.md'), text, lines);
    const list = complete(index, document, lines, { line: 2, character: 17 }, { linkStyle: 'auto', history });
    assert.deepEqual(
      list.items.map((item) => [item.label, item.newText, item.detail]),
      [[repo.commits['originals changed again'].slice(0, 12), repo.commits['originals changed again'].slice(0, 12), 'Latest commit of the original, 2026-01-06']],
    );
  });
});

describe('translation status without usable history', () => {
  const temporary: string[] = [];
  after(() => temporary.forEach((folder) => fs.rmSync(folder, { recursive: true, force: true })));
  const copyOfSite = (repo: TranslationRepo, withGit: boolean) => {
    const folder = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'md-glossary-nogit-')));
    temporary.push(folder);
    fs.cpSync(repo.root, folder, { recursive: true, filter: (source) => withGit || path.basename(source) !== '.git' });
    return folder;
  };
  const reasonsAndStates = async (folder: string) => {
    const index = await indexOf(folder);
    const report = translationReport(index, await loadHistorySnapshot(index));
    return { fallbacks: report.fallbacks.map((fallback) => fallback.reason), bases: [...new Set(report.originals.flatMap((original) => original.translations.flatMap((translation) => translation.basis ?? [])))] };
  };

  it('falls back to file times outside a repository and in a repository without commits, judges nothing in a shallow clone, and says why', async () => {
    const repo = createTranslationRepo();
    try {
      const plain = copyOfSite(repo, false);
      // The original written after its translation: outdated by file times.
      fs.utimesSync(path.join(plain, 'content/de/changed-after.md'), new Date('2026-02-01'), new Date('2026-02-01'));
      fs.utimesSync(path.join(plain, 'content/en/changed-after.md'), new Date('2026-03-01'), new Date('2026-03-01'));
      const index = await indexOf(plain);
      const report = translationReport(index, await loadHistorySnapshot(index));
      const state = statesOf(report, plain)['content/en/changed-after.md'];
      assert.deepEqual([state.state, state.basis, state.fallback], ['outdated', 'file-times', 'not-a-repository']);
      // The date pin of a translation still counts without history.
      assert.equal(statesOf(report, plain)['content/en/pinned.md'].basis, 'file-times');

      const shallow = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'md-glossary-shallow-')));
      temporary.push(shallow);
      execFileSync('git', ['clone', '-q', '--depth', '1', `file://${repo.root}`, shallow]);
      // A fresh clone's file times are its checkout's: the translations are not judged.
      assert.deepEqual(await reasonsAndStates(shallow), { fallbacks: ['shallow'], bases: [] });

      const fresh = copyOfSite(repo, false);
      execFileSync('git', ['init', '-q'], { cwd: fresh });
      assert.deepEqual(await reasonsAndStates(fresh), { fallbacks: ['no-commits'], bases: ['file-times'] });
    } finally {
      repo.dispose();
    }
  });

  it('falls back to file times when git is not on the PATH, and never crashes', async () => {
    const repo = createTranslationRepo();
    const pathBefore = process.env.PATH;
    try {
      process.env.PATH = path.join(repo.root, 'no-such-folder');
      assert.deepEqual(await reasonsAndStates(repo.root), { fallbacks: ['git-missing'], bases: ['file-times'] });
    } finally {
      process.env.PATH = pathBefore;
      repo.dispose();
    }
  });
});

describe('the hint on an original its missing locales', () => {
  it('is on by default on sites of up to three locales, off on larger ones unless the setting says always', async () => {
    const folder = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'md-glossary-locales-')));
    try {
      const hintsFor = async (codes: string[], missingTranslations: 'auto' | 'always' | 'never') => {
        fs.rmSync(folder, { recursive: true, force: true });
        const languages = codes.map((code) => `[languages.${code}]\ncontentDir = 'content/${code}'\n`).join('');
        fs.mkdirSync(path.join(folder, 'content/en'), { recursive: true });
        fs.writeFileSync(path.join(folder, 'hugo.toml'), `defaultContentLanguage = 'en'\n${languages}`);
        fs.writeFileSync(path.join(folder, 'content/en/term.md'), '---\ntitle: Term\n---\n');
        const index = await indexOf(folder);
        const document = index.getDocument(fileUri(path.join(folder, 'content/en/term.md')))!;
        const diagnostics = documentDiagnostics(index, document, { ...DEFAULT_SETTINGS, missingTranslations }, undefined, await loadHistorySnapshot(index));
        return diagnostics.filter((diagnostic) => diagnostic.code === 'missing-translation').map((diagnostic) => diagnostic.message);
      };
      assert.deepEqual(await hintsFor(['en', 'de', 'fr'], 'auto'), ['Not translated into: de, fr.']);
      assert.deepEqual(await hintsFor(['en', 'de', 'fr', 'it'], 'auto'), []);
      assert.deepEqual(await hintsFor(['en', 'de', 'fr', 'it'], 'always'), ['Not translated into: de, fr, it.']);
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('histories with branches', () => {
  const entry = (title: string, body: string, extra = '') => `---\ntitle: ${title}\n${extra}---\n\n${body}\n`;
  const hugo = "defaultContentLanguage = 'en'\n[languages.en]\ncontentDir = 'content/en'\n[languages.de]\ncontentDir = 'content/de'\n";
  const repoWith = (build: (write: (rel: string, text: string) => void, git: (...args: string[]) => string) => void) => {
    const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'md-glossary-branches-')));
    const env = { ...process.env, GIT_AUTHOR_NAME: 'T', GIT_AUTHOR_EMAIL: 't@example.org', GIT_COMMITTER_NAME: 'T', GIT_COMMITTER_EMAIL: 't@example.org' };
    const git = (...args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8', env });
    const write = (rel: string, text: string) => {
      fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
      fs.writeFileSync(path.join(root, rel), text);
    };
    git('init', '-q', '-b', 'main');
    write('hugo.toml', hugo);
    build(write, git);
    return root;
  };
  const stateOf = async (root: string, original: string) => {
    const index = await indexOf(root);
    return statesOf(translationReport(index, await loadHistorySnapshot(index)), root)[original];
  };
  const removeRepo = (root: string) => fs.rmSync(root, { recursive: true, force: true });

  it('follows a rename on one branch and an edit under the old name on another, whichever was merged into which', async () => {
    for (const mergeInto of ['ren', 'main']) {
      const root = repoWith((write, git) => {
        write('content/en/x.md', entry('X', 'A long original body, lorem ipsum dolor sit amet.'));
        write('content/de/x.md', entry('X de', 'Übersetzt.'));
        git('add', '-A');
        git('commit', '-qm', 'base');
        git('checkout', '-qb', 'ren');
        git('mv', 'content/en/x.md', 'content/en/y.md');
        git('mv', 'content/de/x.md', 'content/de/y.md');
        git('commit', '-qm', 'renamed');
        git('checkout', '-q', 'main');
        write('content/en/x.md', entry('X', 'A long original body, lorem ipsum dolor sit amet. More.'));
        git('commit', '-qam', 'edited');
        if (mergeInto === 'ren') {
          git('checkout', '-q', 'ren');
          git('merge', '-q', '--no-edit', 'main');
        } else {
          git('merge', '-q', '--no-edit', 'ren');
        }
      });
      try {
        const state = await stateOf(root, 'content/en/y.md');
        assert.deepEqual([state.state, state.commitsBehind], ['outdated', 1], `merged into ${mergeInto}`);
      } finally {
        removeRepo(root);
      }
    }
  });

  it('judges a pin to a commit on another branch by what that commit contains', async () => {
    let side = '';
    const root = repoWith((write, git) => {
      for (const version of [1, 2, 3]) {
        write('content/en/a.md', entry('A', `Version ${version}.`));
        git('add', '-A');
        git('commit', '-qm', `v${version}`);
      }
      git('checkout', '-qb', 'side');
      write('content/en/b.md', entry('B', 'Other.'));
      git('add', '-A');
      git('commit', '-qm', 'side');
      side = git('rev-parse', 'HEAD').trim();
      git('checkout', '-q', 'main');
      write('content/de/a.md', entry('A de', 'Übersetzt.', `translated_from: ${side.slice(0, 10)}\n`));
      git('add', '-A');
      git('commit', '-qm', 'translated');
    });
    try {
      const state = await stateOf(root, 'content/en/a.md');
      assert.deepEqual([state.basis, state.state, state.commitsBehind], ['pinned-commit', 'up-to-date', 0]);
    } finally {
      removeRepo(root);
    }
  });
});

describe('running git', () => {
  it('runs nothing a repository names: an fsmonitor hook that git itself would run stays unrun', async () => {
    const repo = createTranslationRepo();
    try {
      const marker = path.join(repo.root, 'ran');
      const hook = path.join(repo.root, 'hook.sh');
      fs.writeFileSync(hook, `#!/bin/sh\ntouch '${marker}'\n`, { mode: 0o755 });
      repo.git('config', 'core.fsmonitor', hook);
      // The trap is live: git's own status runs it.
      repo.git('status', '--short');
      assert.ok(fs.existsSync(marker), 'git status did not run the hook: the test proves nothing');
      fs.rmSync(marker);
      const index = await indexOf(repo.root);
      const history = await loadHistorySnapshot(index);
      await fileAtCommit(repo.root, repo.commits.originals, 'content/en/pinned.md');
      assert.equal(statesOf(translationReport(index, history), repo.root)['content/en/changed-after.md'].state, 'outdated');
      assert.equal(fs.existsSync(marker), false);
    } finally {
      repo.dispose();
    }
  });
});

describe('running git, with a partial clone', () => {
  it('fetches no missing object: the transport a repository names stays unrun', async () => {
    const repo = createTranslationRepo();
    try {
      const marker = path.join(repo.root, 'ran');
      const hook = path.join(repo.root, 'ssh.sh');
      fs.writeFileSync(hook, `#!/bin/sh\ntouch '${marker}'\nexit 1\n`, { mode: 0o755 });
      const blob = repo.git('rev-parse', `${repo.commits.originals}:content/en/pinned.md`).trim();
      fs.rmSync(path.join(repo.root, '.git', 'objects', blob.slice(0, 2), blob.slice(2)));
      repo.git('config', 'extensions.partialClone', 'origin');
      repo.git('config', 'remote.origin.promisor', 'true');
      repo.git('config', 'remote.origin.url', 'ssh://example.org/x');
      repo.git('config', 'core.sshCommand', hook);
      // The trap is live: git's own cat-file runs the command to fetch the object.
      assert.throws(() => repo.git('cat-file', 'blob', blob));
      assert.ok(fs.existsSync(marker), 'git did not run the transport: the test proves nothing');
      fs.rmSync(marker);
      assert.equal(await fileAtCommit(repo.root, repo.commits.originals, 'content/en/pinned.md'), undefined);
      const index = await indexOf(repo.root);
      translationReport(index, await loadHistorySnapshot(index));
      assert.equal(fs.existsSync(marker), false);
    } finally {
      repo.dispose();
    }
  });
});

describe('reading git log', () => {
  it('follows a file through two renames and stops at a deletion of an earlier file of the same name', () => {
    const commit = (hash: string, parent: string, seconds: number, ...entries: string[]) => `\x1e${hash.repeat(40)} ${parent === '' ? '' : parent.repeat(40)}\x1f${seconds}\0\n${entries.join('\0')}\0`;
    const log = [
      commit('d', 'c', 4, 'M', 'c.md'),
      commit('c', 'b', 3, 'R100', 'b.md', 'c.md'),
      commit('b', 'a', 2, 'R087', 'a.md', 'b.md', 'D', 'c.md'),
      commit('a', '', 1, 'A', 'a.md', 'A', 'c.md'),
    ].join('');
    const history = parseLog('/repo', log);
    assert.deepEqual(
      history.files.get('c.md')!.map(({ hash, path: name, changedContent }) => [hash[0], name, changedContent]),
      [
        ['d', 'c.md', true],
        ['c', 'c.md', false],
        ['b', 'b.md', true],
        ['a', 'a.md', true],
      ],
    );
    assert.deepEqual(history.commits.get('b'.repeat(40)), { time: 2000, order: 2, parents: ['a'.repeat(40)] });
  });

  it('reads the fields by position: a file name with the separators of the listing is a name', () => {
    const name = 'content/en/z\x1ez\x1fz\nA.md';
    const log = `\x1e${'b'.repeat(40)} ${'a'.repeat(40)}\x1f2\0\nM\0content/en/a.md\0A\0${name}\0\x1e${'a'.repeat(40)} \x1f1\0\nA\0content/en/a.md\0`;
    const history = parseLog('/repo', log);
    assert.deepEqual([...history.files.keys()].sort(), ['content/en/a.md', name].sort());
    assert.equal(history.files.get('content/en/a.md')!.length, 2);
  });
});
