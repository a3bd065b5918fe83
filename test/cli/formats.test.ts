/**
 * The CLI's report formats as their readers take them: SARIF as GitHub code scanning ingests it
 * (its rules, as SARIF Multitool's GitHub rules check them), text one finding a line whatever the
 * values hold, and counts in the singular or the plural. Runs `dist/cli.js`: build first.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { RULES } from '../../server/src/common/diagnostic';
import { translationReportAsText } from '../../server/src/features/translationTable';
import { createWorkspace, type Workspace } from '../support/fixtures';
import { CLI_JS, REPO_ROOT } from '../support/lspClient';

function cli(args: string[], cwd: string, env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [CLI_JS, ...args], { cwd, encoding: 'utf8', timeout: 15_000, env: { ...process.env, LC_ALL: '', LC_MESSAGES: '', LANG: 'C.UTF-8', ...env } });
  if (result.error) throw result.error;
  return result;
}

const TAGS = 'Begriffe:\n  label: Begriffe\n';
const BROKEN = (title: string) => `---\ntitle: ${title}\ntags: [Begriffe, Fremd]\n---\n\n# ${title}\n\n[x](fehlt.md)\n`;
const REPOSITORY = 'https://github.com/markdown-glossary/markdown-glossary';

interface SarifLog {
  version: string;
  runs: Array<{
    tool: { driver: { name: string; version: string; informationUri: string; rules: Array<Record<string, any>> } };
    originalUriBaseIds: Record<string, { uri: string }>;
    results: Array<Record<string, any>>;
  }>;
}

describe('SARIF for GitHub code scanning', () => {
  let ws: Workspace;
  let log: SarifLog;
  // A '#', a '?' and a ':' in the first segment: a relative URI must encode each.
  const NAMES = ['glossar/a#b.md', 'c:d?.md', 'glossar/Leer zeichen & Ümlaut.md'];
  before(() => {
    ws = createWorkspace({ 'tags.yml': TAGS, ...Object.fromEntries(NAMES.map((name, index) => [name, BROKEN(`T${index}`)])) });
    const run = cli(['check', '--format', 'sarif'], ws.root);
    assert.equal(run.status, 1, run.stderr);
    log = JSON.parse(run.stdout);
  });
  after(() => ws?.dispose());

  it('locates each result in its file: a relative, percent-encoded URI resolved against SRCROOT', () => {
    const [run] = log.runs;
    const base = run.originalUriBaseIds.SRCROOT.uri;
    assert.match(base, /^file:\/\/.*\/$/);
    const files = new Set<string>();
    for (const result of run.results) {
      assert.equal(result.locations.length, 1);
      const { artifactLocation, region } = result.locations[0].physicalLocation;
      assert.equal(artifactLocation.uriBaseId, 'SRCROOT');
      assert.doesNotMatch(artifactLocation.uri, /[#?]|^[^/]*:/, 'no fragment, query or scheme');
      files.add(fileURLToPath(new URL(artifactLocation.uri, base)));
      assert.ok(Number.isInteger(region.startLine) && region.startLine >= 1 && region.startColumn >= 1, JSON.stringify(region));
    }
    assert.deepEqual([...files].sort(), NAMES.map((name) => ws.path(name)).sort());
  });

  it('describes the tool and every rule as GitHub requires (SARIF Multitool GH rules: description, help, information URI)', () => {
    const { driver } = log.runs[0].tool;
    const packageJson = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
    assert.equal(driver.name, 'markdown-glossary');
    assert.equal(driver.version, packageJson.version);
    assert.equal(driver.informationUri, REPOSITORY);
    const rulesDoc = fs.readFileSync(path.join(REPO_ROOT, 'docs', 'rules.md'), 'utf8');
    assert.deepEqual(driver.rules.map((rule) => rule.id), Object.keys(RULES));
    for (const rule of driver.rules) {
      for (const key of ['shortDescription', 'fullDescription', 'help']) assert.ok(rule[key]?.text?.trim(), `${rule.id}.${key}.text`);
      assert.match(rule.name, /^[A-Z][A-Za-z]+$/, `${rule.id}.name`);
      assert.equal(rule.helpUri, `${REPOSITORY}/blob/main/docs/rules.md#${rule.id}`);
      assert.ok(rulesDoc.includes(`### \`${rule.id}\``), `docs/rules.md has the anchor #${rule.id}`);
      assert.ok(['error', 'warning', 'note'].includes(rule.defaultConfiguration.level));
    }
  });

  it('gives each result a known rule, its index, a level and a message', () => {
    const { results, tool } = log.runs[0];
    const ruleIds = new Set(results.map((result) => result.ruleId));
    assert.ok(ruleIds.has('broken-link') && ruleIds.has('unknown-tag'), [...ruleIds].join());
    for (const result of results) {
      assert.equal(tool.driver.rules[result.ruleIndex].id, result.ruleId);
      assert.ok(['error', 'warning', 'note'].includes(result.level));
      assert.ok(result.message.text.trim().length > 0);
    }
  });
});

describe('text output', () => {
  let ws: Workspace;
  before(() => {
    ws = createWorkspace({ 'tags.yml': TAGS, 'x.md': '---\ntitle: X\ntags: ["a\\nb", "c\\u2028d"]\n---\n\n# X\n' });
  });
  after(() => ws?.dispose());

  it('prints one finding a line, a line break in a tag escaped, and counts in the singular', () => {
    const run = cli(['check'], ws.root);
    assert.equal(
      run.stdout,
      'x.md:3:8 warning Tag "a\\nb" is not declared in tags.yml. [unknown-tag]\n' +
        'x.md:3:16 warning Tag "c\\u2028d" is not declared in tags.yml. [unknown-tag]\n' +
        '2 problems (0 errors, 2 warnings) in 1 file checked.\n',
    );
    const german = cli(['check'], ws.root, { LANG: 'de_DE.UTF-8' });
    assert.match(german.stdout, /\n2 Probleme \(0 Fehler, 2 Warnungen\) in 1 geprüften Datei\.\n$/);
  });

  it('prints the translation table one entry a line, whatever a locale or Git\'s reason holds', () => {
    const text = translationReportAsText(
      {
        translatedInto: ['de\nx'],
        locales: ['en', 'de\nx'],
        originals: [{ uri: 'file:///ws/a.md', title: 'A', locale: 'en', translations: [{ locale: 'de\nx', state: 'missing' }] }],
        orphans: [],
        fallbacks: [{ reason: 'failed', detail: 'fatal: one\nfatal: two' }],
      },
      { shown: (uri) => uri.slice('file:///ws/'.length) },
    );
    assert.deepEqual(text.split('\n').filter((line) => line.includes('de')), ['a.md   de\\nx   missing', 'de\\nx: up to date 0, outdated 0, missing 1, unknown 0, orphans 0']);
    assert.ok(text.includes('(fatal: one\\nfatal: two)'), text);
  });
});
