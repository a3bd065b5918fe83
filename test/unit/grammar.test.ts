/**
 * The TextMate injection grammar (syntaxes/markdown-glossary.injection.tmLanguage.json), tokenised
 * as VS Code does it: vscode-textmate with the Oniguruma engine, the grammar injected into a
 * minimal Markdown host grammar. The host knows only what matters to the injection: front matter
 * (as VS Code's Markdown grammar declares it), fenced code and inline code.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { before, describe, it } from 'node:test';
import * as oniguruma from 'vscode-oniguruma';
import { INITIAL, Registry, parseRawGrammar, type IGrammar, type StateStack } from 'vscode-textmate';

const REPO_ROOT = path.resolve(__dirname, '..', '..');
const GRAMMAR_PATH = path.join(REPO_ROOT, 'syntaxes', 'markdown-glossary.injection.tmLanguage.json');
const INJECTION = 'markdown-glossary.injection';
const MARKDOWN = 'text.html.markdown';

/** Stands in for VS Code's Markdown grammar: the rules whose scopes the injection selector names. */
const HOST_GRAMMAR = {
  scopeName: MARKDOWN,
  patterns: [{ include: '#frontMatter' }, { include: '#fencedCode' }, { include: '#inlineCode' }],
  repository: {
    // As in VS Code's markdown-basics grammar.
    frontMatter: {
      begin: '\\A-{3}\\s*$',
      contentName: 'meta.embedded.block.frontmatter',
      patterns: [],
      end: '(^|\\G)-{3}|\\.{3}\\s*$',
    },
    fencedCode: { begin: '^\\s*```', end: '^\\s*```\\s*$', name: 'markup.fenced_code.block.markdown' },
    inlineCode: { begin: '`', end: '`', name: 'markup.inline.raw.string.markdown' },
  },
};

const WIKI = 'meta.link.wiki.markdown-glossary';
const TAG = 'entity.other.glossary-tag.markdown-glossary';

interface Token {
  text: string;
  scopes: string[];
}

let grammar: IGrammar;

before(async () => {
  const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (text: string) => new oniguruma.OnigString(text),
    }),
    loadGrammar: async (scopeName: string) => {
      if (scopeName === MARKDOWN) return parseRawGrammar(JSON.stringify(HOST_GRAMMAR), 'markdown.tmLanguage.json');
      if (scopeName === INJECTION) return parseRawGrammar(fs.readFileSync(GRAMMAR_PATH, 'utf8'), GRAMMAR_PATH);
      return null;
    },
    // As package.json contributes it: "injectTo": ["text.html.markdown"].
    getInjections: (scopeName: string) => (scopeName === MARKDOWN ? [INJECTION] : undefined),
  });
  const loaded = await registry.loadGrammar(MARKDOWN);
  assert.ok(loaded, 'the host grammar loads');
  grammar = loaded;
});

/** Tokenises a document, line by line; returns the tokens of each line. */
function tokenize(text: string): Token[][] {
  let state: StateStack = INITIAL;
  return text.split('\n').map((line) => {
    const result = grammar.tokenizeLine(line, state);
    state = result.ruleStack;
    return result.tokens.map((token) => ({ text: line.slice(token.startIndex, token.endIndex), scopes: token.scopes }));
  });
}

/** The texts of the tokens on a line that carry a scope. */
function withScope(tokens: Token[], scope: string): string[] {
  return tokens.filter((token) => token.scopes.includes(scope)).map((token) => token.text);
}

/** The innermost scope of each token that carries `scope` among its scopes, with its text. */
function innermost(tokens: Token[], scope: string): Array<[string, string]> {
  return tokens.filter((token) => token.scopes.includes(scope)).map((token) => [token.text, token.scopes[token.scopes.length - 1]]);
}

describe('the injection grammar', () => {
  it('is valid JSON, injected into Markdown outside code', () => {
    const raw = JSON.parse(fs.readFileSync(GRAMMAR_PATH, 'utf8'));
    assert.equal(raw.scopeName, INJECTION);
    assert.match(raw.injectionSelector, /^L:text\.html\.markdown\b/);
    const packageJson = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
    const contributed = packageJson.contributes.grammars.find((entry: { scopeName: string }) => entry.scopeName === INJECTION);
    assert.deepEqual(contributed, { scopeName: INJECTION, path: './syntaxes/markdown-glossary.injection.tmLanguage.json', injectTo: [MARKDOWN] });
  });

  it('gives every pattern a regular expression Oniguruma compiles', () => {
    const raw = JSON.parse(fs.readFileSync(GRAMMAR_PATH, 'utf8'));
    const sources: string[] = [];
    const collect = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(collect);
      else if (node !== null && typeof node === 'object') {
        for (const [key, value] of Object.entries(node)) {
          if ((key === 'match' || key === 'begin' || key === 'end') && typeof value === 'string') sources.push(value);
          else collect(value);
        }
      }
    };
    collect(raw);
    assert.ok(sources.length >= 5, `found ${sources.length} patterns`);
    for (const source of sources) assert.doesNotThrow(() => new oniguruma.OnigScanner([source]), source);
  });
});

describe('wiki links', () => {
  it('scopes [[Title|text]]: brackets, target, separator and shown text', () => {
    const [line] = tokenize('Siehe [[Service Level Agreement|SLA]] hier.');
    assert.deepEqual(withScope(line, WIKI), ['[[', 'Service Level Agreement', '|', 'SLA', ']]']);
    assert.deepEqual(innermost(line, WIKI), [
      ['[[', 'punctuation.definition.link.begin.markdown'],
      ['Service Level Agreement', 'markup.underline.link.markdown-glossary'],
      ['|', 'punctuation.separator.markdown-glossary'],
      ['SLA', 'string.other.link.title.markdown'],
      [']]', 'punctuation.definition.link.end.markdown'],
    ]);
    // The words around it are plain Markdown.
    assert.deepEqual(line[0], { text: 'Siehe ', scopes: [MARKDOWN] });
    assert.deepEqual(line[line.length - 1], { text: ' hier.', scopes: [MARKDOWN] });
  });

  it('scopes [[Title]] without shown text, and several links on a line', () => {
    const [line] = tokenize('[[Outtasking]] und [[Outsourcing#Vorteile|das Outsourcing]]');
    assert.deepEqual(innermost(line, WIKI), [
      ['[[', 'punctuation.definition.link.begin.markdown'],
      ['Outtasking', 'markup.underline.link.markdown-glossary'],
      [']]', 'punctuation.definition.link.end.markdown'],
      ['[[', 'punctuation.definition.link.begin.markdown'],
      ['Outsourcing#Vorteile', 'markup.underline.link.markdown-glossary'],
      ['|', 'punctuation.separator.markdown-glossary'],
      ['das Outsourcing', 'string.other.link.title.markdown'],
      [']]', 'punctuation.definition.link.end.markdown'],
    ]);
  });

  it('leaves what is not a wiki link alone: single brackets, empty or unclosed ones, Markdown links', () => {
    for (const text of ['[Outtasking](Outtasking.md)', '[[]]', '[[Outtasking', 'Outtasking]]', '[[a|]]', '[ [Outtasking] ]']) {
      const [line] = tokenize(text);
      assert.deepEqual(withScope(line, WIKI), [], text);
    }
  });

  it('does not scope wiki links in fenced or inline code', () => {
    const lines = tokenize('```\n[[Outtasking]]\n```\nText `[[Outtasking]]` und [[Outsourcing]].');
    assert.deepEqual(withScope(lines[1], WIKI), []);
    assert.deepEqual(withScope(lines[3], WIKI), ['[[', 'Outsourcing', ']]']);
    assert.ok(lines[3].some((token) => token.text === '[[Outtasking]]' && token.scopes.includes('markup.inline.raw.string.markdown')));
  });
});

describe('tags in front matter', () => {
  it('scopes each item of tags: [A, B] as a tag, with the key and brackets', () => {
    const lines = tokenize('---\nid: Outtasking\ntags: [Begriffe, IM]\n---\n\n# Outtasking\n');
    const tags = lines[2];
    assert.deepEqual(withScope(tags, TAG), ['Begriffe', 'IM']);
    assert.deepEqual(
      tags.map((token) => [token.text, token.scopes[token.scopes.length - 1]]),
      [
        ['tags', 'entity.name.tag.yaml'],
        [':', 'punctuation.separator.key-value.mapping.yaml'],
        [' ', 'meta.embedded.block.frontmatter'],
        ['[', 'punctuation.definition.sequence.begin.yaml'],
        ['Begriffe', TAG],
        [', ', 'meta.embedded.block.frontmatter'],
        ['IM', TAG],
        [']', 'punctuation.definition.sequence.end.yaml'],
      ],
    );
    // Other keys are not tags.
    assert.deepEqual(withScope(lines[1], TAG), []);
  });

  it('keeps blanks inside a tag and leaves padding and commas out', () => {
    const [line] = tokenize('tags: [ Make or Buy ,IT-Betrieb,  Vertrag  ]');
    assert.deepEqual(withScope(line, TAG), ['Make or Buy', 'IT-Betrieb', 'Vertrag']);
  });

  it('scopes the items of a block list', () => {
    const lines = tokenize('---\ntitle: Outtasking\ntags:\n  - Begriffe\n  - IT Betrieb\nid: Outtasking\n---\n');
    assert.deepEqual(withScope(lines[2], 'entity.name.tag.yaml'), ['tags']);
    assert.deepEqual(withScope(lines[3], TAG), ['Begriffe']);
    assert.deepEqual(withScope(lines[4], TAG), ['IT Betrieb']);
    assert.deepEqual(withScope(lines[5], TAG), [], 'the list ends at the next key');
  });

  it('ends a block list of tags at the closing --- of the front matter', () => {
    // tags: as the last key of the front matter, written as a block list.
    const lines = tokenize('---\ntitle: Outtasking\ntags:\n  - Begriffe\n---\n\n# Outtasking\n\nText.');
    assert.deepEqual(withScope(lines[3], TAG), ['Begriffe']);
    assert.deepEqual(withScope(lines[4], TAG), [], 'the closing --- is not a tag');
    // After the front matter, the body is Markdown again, not front matter.
    assert.deepEqual(lines[6].flatMap((token) => token.scopes.filter((scope) => scope !== MARKDOWN)), [], '# Outtasking is outside the front matter');
  });

  it('does not scope an empty list or a key that merely starts with tags', () => {
    assert.deepEqual(withScope(tokenize('tags: []')[0], TAG), []);
    assert.deepEqual(withScope(tokenize('tagsfile: [A, B]')[0], TAG), []);
  });
});
