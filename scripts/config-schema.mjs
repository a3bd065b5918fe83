// Writes schemas/markdown-glossary.schema.json, the JSON schema of a settings file, from the
// settings VS Code shows (package.json `contributes.configuration`, descriptions from
// package.nls.json): one definition for both. test/unit/configSchema.test.ts fails when they drift.
import { readFileSync, writeFileSync } from 'node:fs';

const PREFIX = 'markdownGlossary.';

/** The settings of the manifest, in the order VS Code shows them: its categories' properties one after another. */
export function manifestSettings(manifest) {
  return Object.assign({}, ...[manifest.contributes.configuration].flat().map((category) => category.properties));
}

/** The schema, from the manifest and its English strings. */
export function configSchema(manifest, nls) {
  const text = (value) => (typeof value === 'string' ? value.replace(/^%(.+)%$/, (_, key) => nls[key]) : value);
  const entries = Object.entries(manifestSettings(manifest)).filter(([key]) => key.startsWith(PREFIX));
  const properties = { $schema: { type: 'string', description: 'The schema that checks this file.' } };
  for (const [key, { scope, order, markdownDescription, description, markdownEnumDescriptions, enumDescriptions, ...rest }] of entries) {
    const shown = text(markdownDescription ?? description);
    const enumShown = (markdownEnumDescriptions ?? enumDescriptions)?.map(text);
    properties[key.slice(PREFIX.length)] = { ...rest, ...(shown === undefined ? {} : { description: shown }), ...(enumShown === undefined ? {} : { enumDescriptions: enumShown }) };
  }
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'markdown-glossary settings',
    description: 'Settings of markdown-glossary in .markdown-glossary.json, .jsonc, .yaml or the "markdownGlossary" key of package.json.',
    type: 'object',
    properties,
    additionalProperties: false,
  };
}

export const SCHEMA_FILE = new URL('../schemas/markdown-glossary.schema.json', import.meta.url);

if (import.meta.url === `file://${process.argv[1]}`) {
  const read = (name) => JSON.parse(readFileSync(new URL(`../${name}`, import.meta.url), 'utf8'));
  writeFileSync(SCHEMA_FILE, `${JSON.stringify(configSchema(read('package.json'), read('package.nls.json')), null, 2)}\n`);
}
