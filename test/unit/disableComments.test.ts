/**
 * The `markdown-glossary-disable…` comments, as the editor and `check` both apply them through
 * `documentDiagnostics`: where each form turns rules off, what is text and not a comment, and the
 * report of a comment naming a rule there is not.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parse as parseYaml } from 'yaml';
import { DEFAULT_SETTINGS } from '../../server/src/common/settings';
import { applyEdits, LineIndex } from '../../server/src/common/text';
import { codeActions, fixedText } from '../../server/src/features/codeActions';
import { documentDiagnostics } from '../../server/src/features/diagnostics/documentDiagnostics';
import { parseDocument } from '../../server/src/parsing/document';
import { hugoSiteOf } from '../../server/src/site/hugo';
import { defaultDocusaurusSite } from '../../server/src/site/site';
import { glossaryOf, ROOT } from './glossary';

/** The problems of one file, as `line code` (0-based lines), in a glossary of that file alone. */
function problems(text: string, name = 'notiz.md'): string[] {
  const index = glossaryOf({ [name]: text });
  return documentDiagnostics(index, index.getDocument(`${ROOT}/${name}`)!).map((diagnostic) => `${diagnostic.range.start.line} ${diagnostic.code}`);
}

const BROKEN = '[x](fehlt.md)';

describe('disable comments in Markdown', () => {
  it('reports broken links without comments (the baseline of this suite)', () => {
    assert.deepEqual(problems(`${BROKEN}\n\n${BROKEN}\n`), ['0 broken-link', '2 broken-link']);
  });

  it('disable-next-line and disable-line turn a rule off on one line, with or without its code', () => {
    assert.deepEqual(problems(`<!-- markdown-glossary-disable-next-line broken-link -->\n${BROKEN}\n\n${BROKEN}\n`), ['3 broken-link']);
    assert.deepEqual(problems(`${BROKEN} <!-- markdown-glossary-disable-line -->\n\n${BROKEN}\n`), ['2 broken-link']);
    assert.deepEqual(problems(`<!-- markdown-glossary-disable-next-line unknown-tag -->\n${BROKEN}\n`), ['1 broken-link']);
  });

  it('disable … enable turns rules off from the comment line to the enable line', () => {
    const text = `${BROKEN}\n\n<!-- markdown-glossary-disable broken-link -->\n${BROKEN}\n\n${BROKEN}\n<!-- markdown-glossary-enable broken-link -->\n${BROKEN}\n`;
    assert.deepEqual(problems(text), ['0 broken-link', '7 broken-link']);
    assert.deepEqual(problems(`${BROKEN}\n<!-- markdown-glossary-disable -->\n${BROKEN}\n`), ['0 broken-link']);
    // enable of one rule after disable of all turns that one back on (markdownlint's state per rule)
    assert.deepEqual(problems(`<!-- markdown-glossary-disable -->\n${BROKEN}\n<!-- markdown-glossary-enable broken-link -->\n${BROKEN}\n`), ['3 broken-link']);
  });

  it('disable-file holds for the whole file wherever it is written; enable-file after it undoes it', () => {
    assert.deepEqual(problems(`${BROKEN}\n\n${BROKEN}\n<!-- markdown-glossary-disable-file broken-link -->\n`), []);
    assert.deepEqual(problems(`${BROKEN}\n<!-- markdown-glossary-disable-file -->\n<!-- markdown-glossary-enable-file -->\n`), ['0 broken-link']);
  });

  it('turns off the lines markdownlint 0.40 turns off for the same comments (MD010 on tabs in its run)', () => {
    // markdownlint-cli2 0.22.1 reported lines 6 and 13 of this text with markdownlint- comments, with and without the disable-file at the end.
    const text = `# T\n\n<!-- markdown-glossary-disable broken-link -->\na ${BROKEN}\n<!-- markdown-glossary-enable broken-link -->\nb ${BROKEN}\nc ${BROKEN} <!-- markdown-glossary-disable-line broken-link -->\n<!-- markdown-glossary-disable-next-line -->\nd ${BROKEN}\n<!-- markdown-glossary-disable -->\ne ${BROKEN}\n<!-- markdown-glossary-enable broken-link -->\nf ${BROKEN}\n`;
    assert.deepEqual(problems(text), ['5 broken-link', '12 broken-link']);
    assert.deepEqual(problems(text + '<!-- markdown-glossary-disable-file broken-link -->\n'), ['5 broken-link', '12 broken-link']);
  });

  it('reads no comment in a fenced code block, an indented code block or a code span, nor one over two lines', () => {
    assert.deepEqual(problems('```\n<!-- markdown-glossary-disable-file -->\n```\n' + BROKEN + '\n'), ['3 broken-link']);
    assert.deepEqual(problems(`    <!-- markdown-glossary-disable-file -->\n\n${BROKEN}\n`), ['2 broken-link']);
    assert.deepEqual(problems(`\`<!-- markdown-glossary-disable-line -->\` ${BROKEN}\n`), ['0 broken-link']);
    assert.deepEqual(problems(`<!-- markdown-glossary-disable-file\n-->\n${BROKEN}\n`), ['2 broken-link']);
  });

  it('reads the MDX comment where the page is compiled as MDX (.mdx, and Docusaurus pages: with future.v4 it is the only comment), and the HTML comment everywhere', () => {
    const mdx = `{/* markdown-glossary-disable-next-line broken-link */}\n${BROKEN}\n`;
    assert.deepEqual(problems(mdx, 'notiz.mdx'), []);
    assert.deepEqual(problems(mdx, 'docs/notiz.md'), []);
    // Plain Markdown (no site compiles it as MDX) shows it as text: it turns nothing off.
    assert.deepEqual(problems(mdx, 'notiz.md'), ['1 broken-link']);
    assert.deepEqual(problems(`---\ntitle: Notiz\nmdx:\n  format: md\n---\n${mdx}`, 'docs/notiz.md'), ['6 broken-link']);
    assert.deepEqual(problems(`<!-- markdown-glossary-disable-next-line broken-link -->\n${BROKEN}\n`, 'notiz.mdx'), []);
  });

  it('reports an unknown rule or action at its word, and a comment naming only unknown rules turns nothing off', () => {
    const index = glossaryOf({ 'notiz.md': `${BROKEN} <!-- markdown-glossary-disable-line broken-links -->\n<!--markdown-glossary-disabled-->\n` });
    const found = documentDiagnostics(index, index.getDocument(`${ROOT}/notiz.md`)!);
    assert.deepEqual(
      found.map((diagnostic) => [diagnostic.code, diagnostic.severity, `${diagnostic.range.start.line}:${diagnostic.range.start.character}-${diagnostic.range.end.character}`, diagnostic.message]),
      [
        ['invalid-disable-comment', 'warning', '0:50-62', '"broken-links" is not a rule of markdown-glossary: this comment disables or enables nothing for it.'],
        ['invalid-disable-comment', 'warning', '1:4-30', 'Unknown comment "markdown-glossary-disabled": write markdown-glossary- and one of disable, enable, disable-line, disable-next-line, disable-file, enable-file.'],
        ['broken-link', 'warning', '0:4-12', 'No glossary entry at "fehlt.md".'],
      ],
    );
  });
});

describe('disable comments in front matter', () => {
  const unknownKey = (before: string, after = '') => `---\ntitle: Cloud\n${before}titel: Wolke${after}\n---\n\n# Cloud\n`;

  it('reads a YAML comment on the line above or at the line end', () => {
    assert.deepEqual(problems(unknownKey('')), ['2 unknown-key']);
    assert.deepEqual(problems(unknownKey('# markdown-glossary-disable-next-line unknown-key\n')), []);
    assert.deepEqual(problems(unknownKey('', ' # markdown-glossary-disable-line unknown-key')), []);
  });

  it('takes a # line inside a block scalar or a quoted string as content, not a comment', () => {
    const blockScalar = '---\ntitle: Cloud\ndescription: |\n  # markdown-glossary-disable-next-line unknown-key\ntitel: Wolke\n---\n';
    assert.deepEqual(problems(blockScalar), ['4 unknown-key']);
    const quoted = '---\ntitle: "Cloud\n  # markdown-glossary-disable-next-line unknown-key"\ntitel: Wolke\n---\n';
    assert.deepEqual(problems(quoted), ['3 unknown-key']);
  });

  it('reads comments in front matter the fast reader takes and in YAML only the library reads, with CRLF and a byte order mark', () => {
    assert.deepEqual(problems('\ufeff---\r\ntitle: Cloud\r\n# markdown-glossary-disable-next-line unknown-key\r\ntitel: Wolke\r\n---\r\n'), []);
    assert.deepEqual(problems('---\ntitle: Cloud\nweight: 1 # a number: the library reads this YAML\n# markdown-glossary-disable-next-line unknown-key\ntitel: Wolke\n---\n'), []);
  });
});

describe('quick fix "Disable … for this line"', () => {
  /** The text each "Disable" action leaves, for the problems starting on the line holding `marker`. */
  function disabled(text: string, marker: string, name = 'notiz.md'): string[] {
    const index = glossaryOf({ [name]: text });
    const document = index.getDocument(`${ROOT}/${name}`)!;
    const lines = new LineIndex(text);
    const line = lines.positionAt(text.indexOf(marker)).line;
    const range = { start: { line, character: 0 }, end: { line, character: lines.lineText(line).length } };
    return codeActions(index, parseDocument(document.uri, text, lines), lines, range, DEFAULT_SETTINGS)
      .filter((action) => action.title.startsWith('Disable '))
      .map((action) => applyEdits(lines, action.change.edits[0].edits));
  }
  const data = (text: string) => JSON.stringify(parseYaml(/^\ufeff?---\r?\n([\s\S]*?\r?\n)---/.exec(text)![1]));

  it('adds a YAML comment above a front-matter line, with its indentation and the file\'s line breaks', () => {
    assert.deepEqual(disabled('---\ntitle: Cloud\ntitel: Wolke\n---\n', 'titel'), ['---\ntitle: Cloud\n# markdown-glossary-disable-next-line unknown-key\ntitel: Wolke\n---\n']);
    const crlfBom = '\ufeff---\r\ntitle: Cloud\r\ntitel: Wolke\r\n---\r\n';
    assert.deepEqual(disabled(crlfBom, 'titel'), ['\ufeff---\r\ntitle: Cloud\r\n# markdown-glossary-disable-next-line unknown-key\r\ntitel: Wolke\r\n---\r\n']);
  });

  it('keeps the data of tricky front matter: a line above inside a multi-line flow list or a block scalar, a tab', () => {
    const fixtures = [
      '---\ntitle: Cloud\ntags: [\n  " Betrieb ",\n  IT]\n---\n',
      '---\ntitle: Cloud\ndescription: |\n  Text\ntags: [" Betrieb "]\n---\n',
      '---\ntitle:\tCloud\ntags:\t[\t" Betrieb ",\tIT]\t# Kommentar\n---\n',
      '---\r\ntitle: Cloud\r\ndescription: >\r\n  a\r\n\r\ntags: [\r\n    " Betrieb "\r\n  ]\r\n---\r\n',
      '\ufeff---\ntitle: "Cloud\n  x"\ntags:   [" Betrieb "]   # Kommentar\n---\n',
    ];
    let offered = 0;
    for (const text of fixtures) {
      for (const fixed of disabled(text, ' Betrieb ')) {
        offered++;
        assert.equal(data(fixed), data(text), JSON.stringify(fixed));
        assert.deepEqual(problems(fixed).filter((problem) => problem.endsWith('padded-tag')), [], JSON.stringify(fixed));
      }
    }
    assert.ok(offered >= 4, `offered ${offered}`);
  });

  it('adds no line in a multi-line quoted string or block scalar, but a comment at the line end where YAML reads one', () => {
    // The problem's line continues a quoted string: neither a line above nor a comment after it is a comment.
    assert.deepEqual(disabled('---\ntitle: Cloud\ndescription: "a\n  titel: b"\ntitel: x\n---\n', '  titel'), []);
    assert.deepEqual(disabled('---\ntitle: Cloud\ntags: [a,\n  " Betrieb "]\n---\n', ' Betrieb '), ['---\ntitle: Cloud\ntags: [a,\n  # markdown-glossary-disable-next-line padded-tag\n  " Betrieb "]\n---\n']);
  });

  it('in Markdown: an HTML comment above a paragraph\'s first line, at the end of a line inside it, the MDX form in .mdx', () => {
    assert.deepEqual(disabled(`Text\n\n${BROKEN}\n`, BROKEN), [`Text\n\n<!-- markdown-glossary-disable-next-line broken-link -->\n${BROKEN}\n`]);
    assert.deepEqual(disabled(`Text\n${BROKEN}\n`, BROKEN), [`Text\n${BROKEN} <!-- markdown-glossary-disable-line broken-link -->\n`]);
    assert.deepEqual(disabled(`- a\n\n- ${BROKEN}\n`, BROKEN), [`- a\n\n- ${BROKEN} <!-- markdown-glossary-disable-line broken-link -->\n`]);
    assert.deepEqual(disabled(`Text\n${BROKEN}  \nmehr\n`, BROKEN), [], 'a comment after two blanks would undo the hard line break');
    assert.deepEqual(disabled(`Text\n${BROKEN} and run \`npm\ninstall\` first.\n`, BROKEN), [], 'the line ends inside a code span that goes on');
    assert.deepEqual(disabled(`Text\n${BROKEN} and \`npm install\`\n`, BROKEN), [`Text\n${BROKEN} and \`npm install\` <!-- markdown-glossary-disable-line broken-link -->\n`]);
    assert.deepEqual(disabled(`${BROKEN}\n`, BROKEN, 'notiz.mdx'), [`{/* markdown-glossary-disable-next-line broken-link */}\n${BROKEN}\n`]);
  });

  it('writes the MDX comment in a page Docusaurus compiles as MDX without HTML comments (future.v4), the HTML one in the same site with MDX 1 syntax', () => {
    const inSite = (mdx1Compat: boolean) => {
      const index = glossaryOf({});
      const site = defaultDocusaurusSite(ROOT);
      site.docusaurus.mdx1Compat = mdx1Compat;
      index.setSites([site]);
      const text = `---\nid: a\n---\n\nText\n\n${BROKEN}\n`;
      const document = index.setDocument(`${ROOT}/docs/a.md`, text);
      const lines = new LineIndex(text);
      const range = { start: { line: 6, character: 0 }, end: { line: 6, character: BROKEN.length } };
      return codeActions(index, document, lines, range, DEFAULT_SETTINGS)
        .filter((action) => action.title.startsWith('Disable '))
        .map((action) => applyEdits(lines, action.change.edits[0].edits).split('\n')[6]);
    };
    assert.deepEqual(inSite(false), ['{/* markdown-glossary-disable-next-line broken-link */}']);
    assert.deepEqual(inSite(true), ['<!-- markdown-glossary-disable-next-line broken-link -->']);
  });

  it('opens no page Hugo reads with the comment (Hugo 0.111 takes it for commented-out front matter, and fails): at the line end there', () => {
    const inHugo = (text: string, marker: string) => {
      const index = glossaryOf({});
      index.setSites([{ generator: 'hugo', rootUri: ROOT, hugo: hugoSiteOf({ languages: [], problems: [] }), now: new Date() }]);
      const document = index.setDocument(`${ROOT}/content/a.md`, text);
      const lines = new LineIndex(text);
      const line = lines.positionAt(text.indexOf(marker)).line;
      const range = { start: { line, character: 0 }, end: { line, character: lines.lineText(line).length } };
      return codeActions(index, document, lines, range, DEFAULT_SETTINGS)
        .filter((action) => action.title.startsWith('Disable '))
        .map((action) => applyEdits(lines, action.change.edits[0].edits));
    };
    assert.deepEqual(inHugo(`${BROKEN}\n`, BROKEN), [`${BROKEN} <!-- markdown-glossary-disable-line broken-link -->\n`]);
    assert.deepEqual(inHugo(`\n\n${BROKEN}\n`, BROKEN), [`\n\n${BROKEN} <!-- markdown-glossary-disable-line broken-link -->\n`]);
    assert.deepEqual(inHugo(`Text\n\n${BROKEN}\n`, BROKEN), [`Text\n\n<!-- markdown-glossary-disable-next-line broken-link -->\n${BROKEN}\n`]);
    // Elsewhere the line above is fine.
    assert.deepEqual(disabled(`${BROKEN}\n`, BROKEN), [`<!-- markdown-glossary-disable-next-line broken-link -->\n${BROKEN}\n`]);
  });

  it('puts no comment on the H1 that titles a Docusaurus page declaring no title: above it or at its end, it would change the title', () => {
    const offered = (inDocusaurus: boolean) => {
      const index = glossaryOf({});
      if (inDocusaurus) index.setSites([defaultDocusaurusSite(ROOT)]);
      const text = `---\nid: a\n---\n# Gleich\n\nText.\n`;
      // A folder no assumed Docusaurus site takes for its docs.
      const folder = inDocusaurus ? 'docs' : 'notizen';
      index.setDocument(`${ROOT}/${folder}/b.md`, `---\nid: b\n---\n# Gleich\n`);
      const document = index.setDocument(`${ROOT}/${folder}/a.md`, text);
      const lines = new LineIndex(text);
      const problem = documentDiagnostics(index, document).find((diagnostic) => diagnostic.code === 'duplicate-title');
      assert.equal(problem?.range.start.line, 3);
      return codeActions(index, document, lines, problem.range, DEFAULT_SETTINGS)
        .filter((action) => action.title.startsWith('Disable '))
        .map((action) => applyEdits(lines, action.change.edits[0].edits).split('\n').slice(3, 5).join('\n'));
    };
    assert.deepEqual(offered(true), []);
    // Outside a Docusaurus site the H1 stays the title with a comment above it.
    assert.deepEqual(offered(false), ['<!-- markdown-glossary-disable-next-line duplicate-title -->\n# Gleich']);
  });

  it('puts no comment above the imports before that H1: the H1 would no longer open the page', () => {
    const index = glossaryOf({});
    index.setSites([defaultDocusaurusSite(ROOT)]);
    index.setPathProbe(() => 'none');
    const text = `---\nid: x\n---\nimport Teil from './_fehlt.md';\n\n# Titel\n\nText.\n`;
    const document = index.setDocument(`${ROOT}/docs/x.md`, text);
    const lines = new LineIndex(text);
    const problem = documentDiagnostics(index, document).find((diagnostic) => diagnostic.code === 'broken-import');
    assert.equal(problem?.range.start.line, 3);
    assert.deepEqual(codeActions(index, document, lines, problem.range, DEFAULT_SETTINGS).filter((action) => action.title.startsWith('Disable ')), []);
  });

  it('is no safe fix: check --fix (fixedText) adds no comment', () => {
    const index = glossaryOf({ 'notiz.md': `${BROKEN}\n` });
    assert.equal(fixedText(index, `${ROOT}/notiz.md`, `${BROKEN}\n`, DEFAULT_SETTINGS), `${BROKEN}\n`);
  });
});
