/** The settings file's JSON schema: made from the manifest's settings, and agreeing with the server's own check of a settings file. */
import Ajv from 'ajv';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { RULES } from '../../server/src/common/diagnostic';
import { DEFAULT_SETTINGS, settingsProblems } from '../../server/src/common/settings';
import { parseConfig } from '../../server/src/workspace/configFile';

const ROOT = path.join(__dirname, '..', '..');
const read = (name: string) => JSON.parse(fs.readFileSync(path.join(ROOT, name), 'utf8'));
const schema = read('schemas/markdown-glossary.schema.json');
const validate = new Ajv({ strict: false }).compile(schema);

describe('the settings schema', () => {
  it('is what scripts/config-schema.mjs makes of the manifest (run it after changing a setting)', async () => {
    const { configSchema } = await import('../../scripts/config-schema.mjs');
    assert.deepEqual(schema, configSchema(read('package.json'), read('package.nls.json')));
  });

  it('has every setting the server reads, and every rule', () => {
    assert.deepEqual(Object.keys(schema.properties).filter((key) => key !== '$schema').sort(), Object.keys(DEFAULT_SETTINGS).sort());
    assert.deepEqual(Object.keys(schema.properties.rules.properties).sort(), Object.keys(RULES).sort());
    for (const [key, value] of Object.entries(DEFAULT_SETTINGS)) assert.deepEqual(schema.properties[key].default, value, key);
  });

  it('is what VS Code checks the settings files with', () => {
    const manifest = read('package.json');
    const validations = [...manifest.contributes.jsonValidation, ...manifest.contributes.yamlValidation];
    const matched = validations.flatMap((validation: { fileMatch: string | string[] }) => validation.fileMatch);
    assert.deepEqual(matched.sort(), ['.markdown-glossary.json', '.markdown-glossary.jsonc', '.markdown-glossary.yaml', '.markdown-glossary.yml', 'package.json']);
    for (const { url } of validations) assert.ok(fs.existsSync(path.join(ROOT, url)), url);
    assert.deepEqual(read('schemas/package-json.schema.json').properties.markdownGlossary, { $ref: './markdown-glossary.schema.json' });
  });

  const good: unknown[] = [read('content/.markdown-glossary.json'), {}, { linkStyle: 'wiki', rules: { 'unknown-tag': 'off', 'broken-link': 'hint' }, include: ['docs/**/*.md'], maxFileSize: 10 }];
  const bad: unknown[] = [
    { linkstyle: 'wiki' },
    { include: '**/*.md' },
    { include: [1] },
    { maxFileSize: 0 },
    { maxFileSize: 0.5 },
    { maxFileSize: '1MB' },
    { matchCompoundTails: 'yes' },
    { linkStyle: 'absolute' },
    { missingTranslations: true },
    { rules: { 'unknown-tag': 'warn' } },
    { rules: { 'no-such-rule': 'off' } },
    { rules: [] },
    { $schema: 1 },
    [],
  ];
  it('accepts what the server accepts and refuses what it refuses', () => {
    for (const settings of good) {
      assert.ok(validate(settings), JSON.stringify(validate.errors));
      assert.deepEqual(settingsProblems(settings), []);
    }
    for (const settings of bad) {
      assert.equal(validate(settings), false, JSON.stringify(settings));
      assert.notDeepEqual(settingsProblems(settings), [], JSON.stringify(settings));
    }
  });
});

describe('settings problems', () => {
  it('are at the key or the value they are about, in JSON, JSONC and YAML', () => {
    const at = (file: string, text: string) => parseConfig(file, text).problems.map(({ line, column, message }) => `${line}:${column} ${message}`);
    assert.deepEqual(at('.markdown-glossary.json', '{\n  "maxFilesize": 1,\n  "linkStyle": "x"\n}'), [
      '2:3 Unknown setting "maxFilesize". Did you mean "maxFileSize"?',
      '3:16 "linkStyle" must be one of auto, relative, route, wiki.',
    ]);
    assert.deepEqual(at('.markdown-glossary.jsonc', '// c\n{ "rules": { "broken-links": "off", }, }'), ['2:14 Unknown rule "broken-links". Did you mean "broken-link"?']);
    assert.deepEqual(at('.markdown-glossary.json', '// c\n{}'), ['1:1 Invalid JSON: InvalidCommentToken']);
    assert.deepEqual(at('.markdown-glossary.yml', 'rules:\n  broken-link: fatal\nextraKeys: x\n'), [
      '2:16 Unknown severity "fatal" for rule "broken-link": use error, warning, information, hint, off.',
      '3:12 "extraKeys" must be a list of strings.',
    ]);
    assert.equal(at('.markdown-glossary.yaml', 'a: 1\na: 2\n').length, 1, 'a key twice is a syntax error');
    assert.deepEqual(at('.markdown-glossary.yaml', '# later\n'), [], 'comments alone are no mistake');
    assert.deepEqual(at('package.json', '{ "name": "x", "markdownGlossary": [] }'), ['1:36 The settings must be an object.']);
  });
});
