import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { LineIndex, type Range } from '../../server/src/common/text';
import { addedMdxComponents, MAX_CONFIG_CHARACTERS, readDocusaurusConfig, readDocusaurusSidebars } from '../../server/src/site/docusaurusConfig';
import { growthOf, superLinear } from './linearTime';

/** The range of the `occurrence`-th `needle` in `text`. */
function rangeOf(text: string, needle: string, occurrence = 1): Range {
  let offset = -1;
  for (let found = 0; found < occurrence; found++) offset = text.indexOf(needle, offset + 1);
  assert.ok(offset >= 0, `"${needle}" is in the fixture`);
  return new LineIndex(text).rangeAt(offset, offset + needle.length);
}

const at = (line: number, character: number, endCharacter = character): Range => ({
  start: { line, character },
  end: { line, character: endCharacter },
});

// The three shapes the Docusaurus templates have had, written in their style.

const CLASSIC_JS_TEMPLATE = `// @ts-check
// Note: type annotations allow type checking and IDEs autocompletion

const lightCodeTheme = require('prism-react-renderer/themes/github');
const darkCodeTheme = require('prism-react-renderer/themes/dracula');

/** @type {import('@docusaurus/types').Config} */
const config = {
  title: 'Glossar',
  tagline: 'Begriffe des Hauses',
  url: 'https://glossar.example.com',
  baseUrl: '/glossar/',
  onBrokenLinks: 'throw',
  onBrokenMarkdownLinks: 'warn',
  favicon: 'img/favicon.ico',
  organizationName: 'example',
  projectName: 'glossar',

  i18n: {
    defaultLocale: 'de',
    locales: ['de'],
  },

  presets: [
    [
      'classic',
      /** @type {import('@docusaurus/preset-classic').Options} */
      ({
        docs: {
          sidebarPath: require.resolve('./sidebars.js'),
          editUrl: 'https://example.com/glossar/edit/main/',
        },
        blog: false,
        theme: {
          customCss: require.resolve('./src/css/custom.css'),
        },
      }),
    ],
  ],

  themeConfig:
    /** @type {import('@docusaurus/preset-classic').ThemeConfig} */
    ({
      navbar: { title: 'Glossar', items: [{ type: 'doc', docId: 'intro', label: 'Start' }] },
      footer: { copyright: \`Copyright © \${new Date().getFullYear()} Example\` },
      prism: { theme: lightCodeTheme, darkTheme: darkCodeTheme },
    }),
};

module.exports = config;
`;

const TYPESCRIPT_TEMPLATE = `import {themes as prismThemes} from 'prism-react-renderer';
import type {Config} from '@docusaurus/types';
import type * as Preset from '@docusaurus/preset-classic';

// This runs in Node.js - Don't use client-side code here (browser APIs, JSX...)

const config: Config = {
  title: 'Glossary',
  favicon: 'img/favicon.ico',
  future: {
    v4: true,
  },
  url: 'https://glossary.example.com',
  baseUrl: '/',
  trailingSlash: false,
  onBrokenLinks: 'warn',
  markdown: {
    format: 'detect',
    hooks: {
      onBrokenMarkdownLinks: 'throw',
    },
  },
  i18n: {
    defaultLocale: 'en',
    locales: ['en', 'de'],
  },
  presets: [
    [
      'classic',
      {
        docs: {
          sidebarPath: './sidebars.ts',
          routeBasePath: 'glossary',
        },
        blog: {
          showReadingTime: true,
          onInlineTags: 'warn',
        },
        theme: {
          customCss: './src/css/custom.css',
        },
      } satisfies Preset.Options,
    ],
  ],
  themeConfig: {
    image: 'img/social-card.jpg',
    prism: {
      theme: prismThemes.github,
      darkTheme: prismThemes.dracula,
    },
  } satisfies Preset.ThemeConfig,
};

export default config;
`;

const OLD_MODULE_EXPORTS = `module.exports = {
  title: 'Glossar',
  tagline: 'Begriffe',
  url: 'https://example.github.io',
  baseUrl: '/glossar/',
  onBrokenLinks: 'log',
  favicon: 'img/favicon.ico',
  presets: [
    [
      '@docusaurus/preset-classic',
      {
        docs: {
          path: 'glossar',
          routeBasePath: '/',
          sidebarPath: require.resolve('./sidebars.js'),
          exclude: ['**/_*.md', '**/entwurf/**'],
        },
        theme: {
          customCss: require.resolve('./src/css/custom.css'),
        },
      },
    ],
  ],
};
`;

/** The classic preset's blog with every option at its default. */
const DEFAULT_BLOG = { folder: 'blog', routeBasePath: 'blog', listFolders: ['tags', 'page', 'archive', 'authors'], postsPerPage: 10, translations: 'docusaurus-plugin-content-blog', authorsMap: 'authors.yml' };

describe('readDocusaurusConfig: the template shapes', () => {
  it('reads the classic JavaScript template (// @ts-check, JSDoc casts, const config, module.exports)', () => {
    assert.deepEqual(readDocusaurusConfig(CLASSIC_JS_TEMPLATE, 'docusaurus.config.js'), {
      baseUrl: '/glossar/',
      onBrokenLinks: 'throw',
      onBrokenMarkdownLinks: 'warn',
      defaultLocale: 'de',
      locales: ['de'],
      contentFolders: ['src/pages'],
      pagesFolders: [{ folder: 'src/pages', routeBasePath: '', translations: 'docusaurus-plugin-content-pages' }],
      docs: [{ id: 'default', sidebarPath: { value: './sidebars.js', range: rangeOf(CLASSIC_JS_TEMPLATE, "'./sidebars.js'"), resolved: true } }],
      routeFoldersOutsideDocs: [],
      notLiteral: [],
      problems: [],
    });
  });

  it('reads the TypeScript template (const config: Config, satisfies Preset.Options, export default) and markdown.hooks', () => {
    assert.deepEqual(readDocusaurusConfig(TYPESCRIPT_TEMPLATE, 'docusaurus.config.ts'), {
      baseUrl: '/',
      trailingSlash: false,
      onBrokenLinks: 'warn',
      onBrokenMarkdownLinks: 'throw',
      markdownFormat: 'detect',
      // The template's future: { v4: true } reads no MDX 1 syntax (from Docusaurus 3.10 on).
      mdx1Compat: false,
      mdx1CompatOffByV4: true,
      defaultLocale: 'en',
      locales: ['en', 'de'],
      contentFolders: ['blog', 'src/pages'],
      pagesFolders: [{ folder: 'src/pages', routeBasePath: '', translations: 'docusaurus-plugin-content-pages' }],
      docs: [{ id: 'default', routeBasePath: 'glossary', sidebarPath: { value: './sidebars.ts', range: rangeOf(TYPESCRIPT_TEMPLATE, "'./sidebars.ts'") } }],
      routeFoldersOutsideDocs: ['blog'],
      // The template's blog warns of tags its tags file does not declare, as is the default.
      blogs: [{ ...DEFAULT_BLOG, onInlineTags: 'warn' }],
      notLiteral: [],
      problems: [],
    });
  });

  it('reads an old module.exports = {...} with the preset by its full name and the docs folder, route and excludes', () => {
    assert.deepEqual(readDocusaurusConfig(OLD_MODULE_EXPORTS, 'docusaurus.config.js'), {
      baseUrl: '/glossar/',
      onBrokenLinks: 'log',
      contentFolders: ['blog', 'src/pages'],
      pagesFolders: [{ folder: 'src/pages', routeBasePath: '', translations: 'docusaurus-plugin-content-pages' }],
      docs: [{ id: 'default', path: 'glossar', routeBasePath: '/', exclude: ['**/_*.md', '**/entwurf/**'], sidebarPath: { value: './sidebars.js', range: rangeOf(OLD_MODULE_EXPORTS, "'./sidebars.js'"), resolved: true } }],
      routeFoldersOutsideDocs: ['blog'],
      blogs: [DEFAULT_BLOG],
      notLiteral: [],
      problems: [],
    });
  });

  it('reads the fixture site docusaurus-rules: the preset docs, a second instance in wissen/ without number prefixes, and two locales', () => {
    const file = path.join(__dirname, '..', 'sites', 'docusaurus-rules', 'docusaurus.config.js');
    assert.deepEqual(readDocusaurusConfig(readFileSync(file, 'utf8'), file), {
      baseUrl: '/',
      defaultLocale: 'en',
      locales: ['en', 'de'],
      contentFolders: ['src/pages'],
      pagesFolders: [{ folder: 'src/pages', routeBasePath: '', translations: 'docusaurus-plugin-content-pages' }],
      docs: [{ id: 'default' }, { id: 'wissen', path: 'wissen', routeBasePath: 'wissen', numberPrefixParser: false }],
      routeFoldersOutsideDocs: [],
      notLiteral: [],
      problems: [],
    });
  });

  it('reads every form of naming the preset and the docs plugin, a bare name giving the defaults', () => {
    const text = `const WISSEN = 'wissen';
const shared = { exclude: ['**/_*.md'], include: [\`**/*.md\`] };
module.exports = {
  baseUrl: '/',
  presets: [[require.resolve('@docusaurus/preset-classic'), { docs: false, blog: false }]],
  plugins: [
    ['content-docs', { ...shared, id: WISSEN, path: WISSEN, routeBasePath: \`/\${''}\`.length ? 'x' : 'y' }],
    [require.resolve('@docusaurus/plugin-content-docs'), { id: 'lexikon', path: 'lexikon', routeBasePath: '/' }],
    '@docusaurus/plugin-content-docs',
    ['@docusaurus/plugin-content-blog', { id: 'news', path: 'news' }],
    function localPlugin() { return { name: 'local' }; },
    false,
  ],
};
`;
    const facts = readDocusaurusConfig(text, 'docusaurus.config.cjs');
    assert.deepEqual(facts.docs, [
      { id: 'wissen', path: 'wissen', include: ['**/*.md'], exclude: ['**/_*.md'] },
      { id: 'lexikon', path: 'lexikon', routeBasePath: '/' },
      { id: 'default' },
    ]);
    assert.deepEqual(facts.notLiteral, [
      { key: 'plugins[0].routeBasePath', range: rangeOf(text, "`/${''}`.length ? 'x' : 'y'") },
    ]);
    assert.deepEqual(facts.problems, []);
  });

  it('reads a preset of another name given docs options as the classic one it hands them to, and one without as adding no docs', () => {
    const text = `module.exports = {
  baseUrl: '/',
  presets: [
    ['docusaurus-preset-openapi', { api: { path: 'openapi.json', routeBasePath: '/api' }, docs: { routeBasePath: '/docs', path: 'handbuch' }, blog: false }],
    [require.resolve('./my-preset.js'), { docs: false }],
    ['docusaurus-preset-shiki-twoslash', { themes: ['min-light'] }],
  ],
};
`;
    const facts = readDocusaurusConfig(text, 'docusaurus.config.js');
    assert.deepEqual(facts.docs, [{ id: 'default', path: 'handbuch', routeBasePath: '/docs' }]);
    assert.deepEqual(facts.problems, []);
  });

  it('reads a preset given as a bare name, in a TypeScript module file, as the default docs instance', () => {
    const facts = readDocusaurusConfig(`export default { baseUrl: '/', presets: ['classic'] } as const;\n`, 'docusaurus.config.mts');
    assert.deepEqual(facts.docs, [{ id: 'default' }]);
    assert.deepEqual(facts.problems, []);
  });
});

describe('readDocusaurusConfig: config creators', () => {
  it('reads the object an async config function returns, with consts of its body and of the file', () => {
    const text = `import remarkMath from 'remark-math';

const GLOSSAR = 'glossar';

export default async function createConfig() {
  const mdxMermaid = await import('mdx-mermaid');
  const docs = { path: GLOSSAR, routeBasePath: '/', remarkPlugins: [remarkMath, mdxMermaid.default] };
  return {
    title: 'Glossar',
    baseUrl: '/',
    presets: [['classic', { docs }]],
  };
}
`;
    assert.deepEqual(readDocusaurusConfig(text, 'docusaurus.config.mjs'), {
      baseUrl: '/',
      // remark-math reads `$…$` before MDX does: what MDX makes of these pages is not known.
      contentFolders: ['blog', 'src/pages'],
      pagesFolders: [{ folder: 'src/pages', routeBasePath: '', translations: 'docusaurus-plugin-content-pages' }],
      docs: [{ id: 'default', path: 'glossar', routeBasePath: '/', mdxSyntaxChangedBy: ['presets[0].docs.remarkPlugins'] }],
      routeFoldersOutsideDocs: ['blog'],
      blogs: [DEFAULT_BLOG],
      notLiteral: [],
      problems: [],
    });
  });

  it('reads arrow functions, a function named in the export, and defineConfig-like wrappers', () => {
    const shapes = [
      `module.exports = async () => ({ baseUrl: '/a/' });`,
      `module.exports = () => { const config = { baseUrl: '/a/' }; return config; };`,
      `function configCreator() { return { baseUrl: '/a/' }; }\nmodule.exports = configCreator;`,
      `export default defineConfig({ baseUrl: '/a/' });`,
      `const config = { baseUrl: '/a/' } satisfies Config;\nexport default config;`,
      `const config = <Config>{ baseUrl: '/a/' };\nexport = config;`,
    ];
    for (const text of shapes) {
      const fileName = /satisfies|<Config>/.test(text) ? 'docusaurus.config.ts' : 'docusaurus.config.js';
      assert.deepEqual(readDocusaurusConfig(text, fileName), { baseUrl: '/a/', docs: [], routeFoldersOutsideDocs: [], notLiteral: [], problems: [] }, text);
    }
  });

  it('says when the export is computed or missing', () => {
    const required = `module.exports = require('./base.config');\n`;
    assert.deepEqual(readDocusaurusConfig(required, 'docusaurus.config.js'), {
      docs: [],
      notLiteral: [{ key: 'module.exports', range: rangeOf(required, "require('./base.config')") }],
      problems: [],
    });
    const none = `const config = { baseUrl: '/' };\n`;
    assert.deepEqual(readDocusaurusConfig(none, 'docusaurus.config.js').problems, [
      { range: at(0, 0), message: 'No site configuration is exported: Docusaurus reads the object of "export default" or "module.exports".' },
    ]);
  });
});

describe('readDocusaurusConfig: what may change how MDX reads a page', () => {
  it('lists a preprocessor, compatibility turned off, remark plugins and admonitions other than the default', () => {
    const text = `export default {
  baseUrl: '/',
  markdown: { format: 'detect', preprocessor: ({ fileContent }) => fileContent, mdx1Compat: { comments: true, headingIds: false } },
  presets: [['classic', { docs: { remarkPlugins: [], beforeDefaultRemarkPlugins: [math], admonitions: { keywords: ['merke'] } } }]],
  plugins: [['content-docs', { id: 'wissen', path: 'wissen', remarkPlugins: [], admonitions: true }]],
};
`;
    const facts = readDocusaurusConfig(text, 'docusaurus.config.js');
    assert.equal(facts.markdownFormat, 'detect');
    assert.deepEqual(facts.mdxSyntaxChangedBy, ['markdown.preprocessor', 'markdown.mdx1Compat']);
    assert.deepEqual(
      facts.docs.map((docs) => docs.mdxSyntaxChangedBy),
      [['presets[0].docs.beforeDefaultRemarkPlugins', 'presets[0].docs.admonitions'], undefined],
    );
    const defaults = readDocusaurusConfig(`export default { baseUrl: '/', markdown: { mdx1Compat: { comments: true, admonitions: true, headingIds: true } } };\n`, 'docusaurus.config.js');
    assert.equal(defaults.mdxSyntaxChangedBy, undefined);
    assert.equal(defaults.mdx1Compat, undefined);
  });

  it('reads MDX 1 syntax turned off by future.v4 (the template), by its flag, or by every mdx1Compat flag; and back on', () => {
    const read = (config: string) => {
      const facts = readDocusaurusConfig(`export default { baseUrl: '/', ${config} };\n`, 'docusaurus.config.js');
      return { mdx1Compat: facts.mdx1Compat, changedBy: facts.mdxSyntaxChangedBy };
    };
    const byV4 = (config: string) => readDocusaurusConfig(`export default { baseUrl: '/', ${config} };\n`, 'docusaurus.config.js').mdx1CompatOffByV4;
    const off = { mdx1Compat: false, changedBy: undefined };
    const on = { mdx1Compat: undefined, changedBy: undefined };
    assert.deepEqual(read('future: { v4: true }'), off);
    assert.deepEqual(read('future: { v4: { mdx1CompatDisabledByDefault: true } }'), off);
    assert.deepEqual(read('markdown: { mdx1Compat: { comments: false, admonitions: false, headingIds: false } }'), off);
    assert.deepEqual(read('future: { v4: false }'), on);
    assert.deepEqual(read('future: { v4: { removeLegacyPostBuildHeadAttribute: true } }'), on);
    assert.deepEqual(read('future: { v4: true }, markdown: { mdx1Compat: { comments: true, admonitions: true, headingIds: true } }'), on);
    // Some flags on and some off, or computed: how MDX reads a page is not known.
    assert.deepEqual(read('future: { v4: true }, markdown: { mdx1Compat: { comments: true } }'), { mdx1Compat: undefined, changedBy: ['markdown.mdx1Compat'] });
    assert.deepEqual(read('future: { v4: process.env.V4 === "1" }'), { mdx1Compat: undefined, changedBy: ['future.v4'] });
    // Only `v4: true` leans on the default Docusaurus 3.10 gave it; the flag and mdx1Compat say it themselves.
    assert.equal(byV4('future: { v4: true }'), true);
    assert.equal(byV4('future: { v4: { mdx1CompatDisabledByDefault: true } }'), undefined);
    assert.equal(byV4('markdown: { mdx1Compat: { comments: false, admonitions: false, headingIds: false } }'), undefined);
  });
});

describe('readDocusaurusConfig: computed values and wrong types', () => {
  it('joins literals as JavaScript does: a template of constants (capacitor\'s baseUrl), and +', () => {
    const read = (baseUrl: string, before = '') => {
      const config = readDocusaurusConfig(`${before}export default { url: 'https://example.com', baseUrl: ${baseUrl} };\n`, 'docusaurus.config.js');
      return config.notLiteral.length > 0 ? 'computed' : config.baseUrl;
    };
    assert.equal(read('`${BASE_URL}/`', "const BASE_URL = '/docs';\n"), '/docs/');
    assert.equal(read("BASE + '/' + VERSION + '/'", "const BASE = '/kb';\nconst VERSION = 2;\n"), '/kb/2/');
    assert.equal(read('`/${A + B}/`', "const A = 'a';\nconst B = 'b';\n"), '/ab/');
    assert.equal(read('`${process.env.BASE}/`'), 'computed');
    assert.equal(read("BASE + '/'", "let BASE = '/kb';\n"), 'computed');
    assert.equal(read('A - B', 'const A = 3;\nconst B = 1;\n'), 'computed');
    // Constants doubled over and over are no value to hold: computed past a length.
    const doubled = Array.from({ length: 30 }, (_, step) => (step === 0 ? "const a0 = 'xxxxxxxx';" : `const a${step} = a${step - 1} + a${step - 1};`)).join('\n');
    assert.equal(read('a29', `${doubled}\n`), 'computed');
  });

  it('lists computed values with their key and place, and leaves them out so the defaults apply', () => {
    const text = `import sharedDocs from './shared-docs';
let locale = 'de';
const isProduction = process.env.NODE_ENV === 'production';
export default {
  baseUrl: process.env.BASE_URL ?? '/',
  onBrokenLinks: isProduction ? 'throw' : 'warn',
  i18n: { defaultLocale: locale, locales: ['de', getLocale()] },
  presets: [['classic', { docs: { ...sharedDocs, id: 'default' } }]],
  plugins: [tailwindPlugin, ['content-docs', { path: 'wissen', ...sharedDocs }]],
};
`;
    // A spread may hold any option, remark plugins too.
    const mdxOptions = (key: string) => ['remarkPlugins', 'beforeDefaultRemarkPlugins', 'admonitions'].map((option) => `${key}.${option}`);
    // And rehype plugins, which may give headings other ids.
    const headingIdOptions = (key: string) => ['rehypePlugins', 'beforeDefaultRehypePlugins'].map((option) => `${key}.${option}`);
    assert.deepEqual(readDocusaurusConfig(text, 'docusaurus.config.js'), {
      contentFolders: ['blog', 'src/pages'],
      pagesFolders: [{ folder: 'src/pages', routeBasePath: '', translations: 'docusaurus-plugin-content-pages' }],
      docs: [
        // A spread may choose the docs and the versions the build reads.
        // Which tags file a spread names is not known: none is read.
        { id: 'default', mdxSyntaxChangedBy: mdxOptions('presets[0].docs'), headingIdsChangedBy: headingIdOptions('presets[0].docs'), tagsBasePath: false, tagsFile: { value: false, range: rangeOf(text, '...sharedDocs', 1) }, filesChosenBy: 'presets[0].docs.include', versionsChosenBy: 'presets[0].docs.onlyIncludeVersions' },
        { mdxSyntaxChangedBy: mdxOptions('plugins[1]'), headingIdsChangedBy: headingIdOptions('plugins[1]'), tagsBasePath: false, tagsFile: { value: false, range: rangeOf(text, '...sharedDocs', 2) }, filesChosenBy: 'plugins[1].include', versionsChosenBy: 'plugins[1].onlyIncludeVersions' },
      ],
      blogs: [DEFAULT_BLOG],
      // A computed policy predicts no failed build: broken links are reported as warnings.
      onBrokenLinks: 'warn',
      notLiteral: [
        { key: 'baseUrl', range: rangeOf(text, "process.env.BASE_URL ?? '/'") },
        { key: 'onBrokenLinks', range: rangeOf(text, "isProduction ? 'throw' : 'warn'") },
        { key: 'i18n.defaultLocale', range: rangeOf(text, 'locale', 2) },
        { key: 'i18n.locales[1]', range: rangeOf(text, 'getLocale()') },
        { key: 'presets[0].docs.path', range: rangeOf(text, '...sharedDocs', 1) },
        { key: 'presets[0].docs.routeBasePath', range: rangeOf(text, '...sharedDocs', 1) },
        { key: 'presets[0].docs.include', range: rangeOf(text, '...sharedDocs', 1) },
        { key: 'presets[0].docs.exclude', range: rangeOf(text, '...sharedDocs', 1) },
        { key: 'presets[0].docs.numberPrefixParser', range: rangeOf(text, '...sharedDocs', 1) },
        { key: 'presets[0].docs.sidebarPath', range: rangeOf(text, '...sharedDocs', 1) },
        { key: 'presets[0].docs.includeCurrentVersion', range: rangeOf(text, '...sharedDocs', 1) },
        { key: 'presets[0].docs.disableVersioning', range: rangeOf(text, '...sharedDocs', 1) },
        { key: 'presets[0].docs.onlyIncludeVersions', range: rangeOf(text, '...sharedDocs', 1) },
        { key: 'presets[0].docs.lastVersion', range: rangeOf(text, '...sharedDocs', 1) },
        { key: 'presets[0].docs.versions', range: rangeOf(text, '...sharedDocs', 1) },
        { key: 'presets[0].docs.onInlineTags', range: rangeOf(text, '...sharedDocs', 1) },
        { key: 'presets[0].docs.tagsBasePath', range: rangeOf(text, '...sharedDocs', 1) },
        { key: 'presets[0].docs.tags', range: rangeOf(text, '...sharedDocs', 1) },
        { key: 'plugins[0]', range: rangeOf(text, 'tailwindPlugin') },
        { key: 'plugins[1].id', range: rangeOf(text, '...sharedDocs', 2) },
        { key: 'plugins[1].path', range: rangeOf(text, '...sharedDocs', 2) },
        { key: 'plugins[1].routeBasePath', range: rangeOf(text, '...sharedDocs', 2) },
        { key: 'plugins[1].include', range: rangeOf(text, '...sharedDocs', 2) },
        { key: 'plugins[1].exclude', range: rangeOf(text, '...sharedDocs', 2) },
        { key: 'plugins[1].numberPrefixParser', range: rangeOf(text, '...sharedDocs', 2) },
        { key: 'plugins[1].sidebarPath', range: rangeOf(text, '...sharedDocs', 2) },
        { key: 'plugins[1].includeCurrentVersion', range: rangeOf(text, '...sharedDocs', 2) },
        { key: 'plugins[1].disableVersioning', range: rangeOf(text, '...sharedDocs', 2) },
        { key: 'plugins[1].onlyIncludeVersions', range: rangeOf(text, '...sharedDocs', 2) },
        { key: 'plugins[1].lastVersion', range: rangeOf(text, '...sharedDocs', 2) },
        { key: 'plugins[1].versions', range: rangeOf(text, '...sharedDocs', 2) },
        { key: 'plugins[1].onInlineTags', range: rangeOf(text, '...sharedDocs', 2) },
        { key: 'plugins[1].tagsBasePath', range: rangeOf(text, '...sharedDocs', 2) },
        { key: 'plugins[1].tags', range: rangeOf(text, '...sharedDocs', 2) },
      ],
      problems: [],
    });
  });

  it('reports values of the wrong type at the value, naming the key, and leaves them out', () => {
    const text = `module.exports = {
  baseUrl: '/',
  onBrokenLinks: 'explode',
  trailingSlash: 'yes',
  markdown: { format: 'html' },
  i18n: { defaultLocale: 'en' },
  presets: [['classic', { docs: { routeBasePath: 42, path: '', id: 'my docs' } }]],
  plugins: [
    ['@docusaurus/plugin-content-docs', { include: '**/*.md', exclude: ['**/_*', 7] }],
    ['@docusaurus/plugin-content-docs', { id: 'wissen' }],
    ['@docusaurus/plugin-content-docs', { id: 'wissen' }],
  ],
};
`;
    const facts = readDocusaurusConfig(text, 'docusaurus.config.js');
    assert.deepEqual(facts.problems, [
      { range: rangeOf(text, "'yes'"), message: '"trailingSlash" must be true or false.' },
      { range: rangeOf(text, "'explode'"), message: '"onBrokenLinks" must be one of "throw", "warn", "log", "ignore".' },
      { range: rangeOf(text, "'html'"), message: '"markdown.format" must be one of "mdx", "md", "detect".' },
      { range: rangeOf(text, '{', 3), message: '"i18n.locales" is required.' },
      { range: rangeOf(text, "'my docs'"), message: '"presets[0].docs.id" may only contain letters, digits, underscores and dashes.' },
      { range: rangeOf(text, "''"), message: '"presets[0].docs.path" must not be empty.' },
      { range: rangeOf(text, '42'), message: '"presets[0].docs.routeBasePath" must be a string.' },
      { range: rangeOf(text, "'**/*.md'"), message: '"plugins[0].include" must be a list of strings.' },
      { range: rangeOf(text, '7'), message: '"plugins[0].exclude[1]" must be a string.' },
      {
        range: rangeOf(text, "{ id: 'wissen' }", 2),
        message: 'Two docs instances have the id "wissen": Docusaurus refuses to build. Give one of them another "id".',
      },
    ]);
    assert.deepEqual(facts.docs, [{}, { id: 'default' }, { id: 'wissen' }, { id: 'wissen' }]);
    assert.equal(facts.onBrokenLinks, undefined);
    assert.equal(facts.defaultLocale, 'en');
  });

  it('reports two instances with the default id: the preset docs and a docs plugin without an id', () => {
    const text = `module.exports = { baseUrl: '/', presets: ['classic'], plugins: ['content-docs'] };`;
    assert.deepEqual(readDocusaurusConfig(text, 'docusaurus.config.js').problems, [
      { range: rangeOf(text, "'content-docs'"), message: 'Two docs instances have the id "default": Docusaurus refuses to build. Give one of them another "id".' },
    ]);
  });

  it('takes onBrokenMarkdownLinks as Docusaurus 3 does: the top-level option over markdown.hooks, a hook function as computed', () => {
    const both = `module.exports = { baseUrl: '/', onBrokenMarkdownLinks: 'ignore', markdown: { hooks: { onBrokenMarkdownLinks: 'throw' } } };`;
    assert.equal(readDocusaurusConfig(both, 'docusaurus.config.js').onBrokenMarkdownLinks, 'ignore');
    const hookOnly = `module.exports = { baseUrl: '/', markdown: { hooks: { onBrokenMarkdownLinks: 'log' } } };`;
    assert.equal(readDocusaurusConfig(hookOnly, 'docusaurus.config.js').onBrokenMarkdownLinks, 'log');
    const topLevelUndefined = `module.exports = { baseUrl: '/', onBrokenMarkdownLinks: undefined, markdown: { hooks: { onBrokenMarkdownLinks: 'log' } } };`;
    assert.equal(readDocusaurusConfig(topLevelUndefined, 'docusaurus.config.js').onBrokenMarkdownLinks, 'log');
    const hookFunction = `module.exports = { baseUrl: '/', markdown: { hooks: { onBrokenMarkdownLinks: (params) => params.url } } };`;
    const facts = readDocusaurusConfig(hookFunction, 'docusaurus.config.js');
    // A function decides link by link: reported, but no failed build predicted.
    assert.equal(facts.onBrokenMarkdownLinks, 'warn');
    assert.deepEqual(facts.notLiteral, [{ key: 'markdown.hooks.onBrokenMarkdownLinks', range: rangeOf(hookFunction, '(params) => params.url') }]);
  });

  it('reads onBrokenMarkdownImages, a hook function or computed value as one that does not fail the build, and staticDirectories', () => {
    const read = (config: string) => readDocusaurusConfig(`module.exports = { baseUrl: '/', ${config} };`, 'docusaurus.config.js');
    assert.equal(read(`markdown: { hooks: { onBrokenMarkdownImages: 'ignore' } }`).onBrokenMarkdownImages, 'ignore');
    assert.equal(read(`markdown: {}`).onBrokenMarkdownImages, undefined);
    assert.equal(read(`markdown: { hooks: { onBrokenMarkdownImages: (params) => params.url } }`).onBrokenMarkdownImages, 'warn');
    assert.equal(read(`markdown: { hooks: { onBrokenMarkdownImages: process.env.CI ? 'throw' : 'warn' } }`).onBrokenMarkdownImages, 'warn');
    // So for the site's other policies, where the configuration computes them (koordinator's, streampark's).
    const policies = read(`onBrokenLinks: process.env.STRICT_LINKS ? 'throw' : 'warn', onBrokenAnchors: ['throw'][0], onDuplicateRoutes: mode`);
    assert.deepEqual([policies.onBrokenLinks, policies.onBrokenAnchors, policies.onDuplicateRoutes], ['warn', 'warn', 'warn']);
    assert.deepEqual(read(`staticDirectories: ['static', 'public']`).staticDirectories, ['static', 'public']);
    const computed = read(`staticDirectories: [path.join(__dirname, 'static')]`);
    assert.equal(computed.staticDirectories, undefined);
    assert.equal(computed.staticDirectoriesComputed, true);
  });

  it('reads what decides broken anchors: onBrokenAnchors, markdown.anchors.maintainCase, and a docs instance\'s rehype plugins, which may give headings other ids', () => {
    const read = (config: string) => readDocusaurusConfig(`module.exports = { baseUrl: '/', ${config} };`, 'docusaurus.config.js');
    assert.equal(read(`onBrokenAnchors: 'throw'`).onBrokenAnchors, 'throw');
    assert.equal(read('').onBrokenAnchors, undefined);
    assert.equal(read(`markdown: { anchors: { maintainCase: true } }`).anchorsMaintainCase, true);
    assert.equal(read(`markdown: {}`).anchorsMaintainCase, undefined);
    const docs = read(`presets: [['classic', { docs: { rehypePlugins: [katex] } }]]`).docs;
    assert.deepEqual(docs.map((instance) => instance.headingIdsChangedBy), [['presets[0].docs.rehypePlugins']]);
    assert.deepEqual(read(`presets: [['classic', { docs: { rehypePlugins: [] } }]]`).docs.map((instance) => instance.headingIdsChangedBy), [undefined]);
  });

  it('reads the folders of the blog and pages plugins, whose Markdown is compiled too, but none whose files its options choose', () => {
    const read = (config: string) => readDocusaurusConfig(`module.exports = { baseUrl: '/', ${config} };`, 'docusaurus.config.js').contentFolders;
    assert.deepEqual(read(`presets: [['classic', {}]]`), ['blog', 'src/pages']);
    assert.deepEqual(read(`presets: [['classic', { blog: false, pages: { path: 'seiten' } }]]`), ['seiten']);
    assert.deepEqual(read(`presets: [['classic', { blog: { include: ['*.md'] }, pages: false }]]`), undefined);
    assert.deepEqual(read(`plugins: [['@docusaurus/plugin-content-blog', { id: 'neu', path: 'neuigkeiten' }], 'content-pages']`), ['neuigkeiten', 'src/pages']);
    assert.deepEqual(read(`presets: [['classic', { blog: { path: process.env.BLOG } }]], plugins: [['content-blog', options]]`), ['src/pages']);
    // Options that may change how MDX reads their pages: their MDX is then not judged.
    const facts = readDocusaurusConfig(`module.exports = { baseUrl: '/', presets: [['classic', { blog: { remarkPlugins: [math] } }]] };`, 'docusaurus.config.js');
    assert.deepEqual(facts.contentMdxChangedBy, ['presets[0].blog.remarkPlugins']);
  });

  it('reads where the pages plugins serve their pages, whatever files their options choose', () => {
    const read = (config: string) => readDocusaurusConfig(`module.exports = { baseUrl: '/', ${config} };`, 'docusaurus.config.js').pagesFolders;
    assert.deepEqual(read(`presets: [['classic', { pages: { include: ['**/*.tsx'] } }]]`), [{ folder: 'src/pages', routeBasePath: '', translations: 'docusaurus-plugin-content-pages' }]);
    // A locale's translations of another instance are in a folder named with its id.
    assert.deepEqual(read(`presets: [['classic', { pages: false }]], plugins: [['content-pages', { id: 'extra', path: 'extra', routeBasePath: '/extra' }]]`), [{ folder: 'extra', routeBasePath: '/extra', translations: 'docusaurus-plugin-content-pages-extra' }]);
    assert.deepEqual(read(`presets: [['classic', { pages: { routeBasePath: process.env.BASE, id: process.env.ID } }]]`), [{ folder: 'src/pages' }]);
  });

  it('reads whether every plugin and theme makes known routes, and the folders of those not modelled: the blog, the search page', () => {
    const read = (config: string) => readDocusaurusConfig(`module.exports = { baseUrl: '/', ${config} };`, 'docusaurus.config.js').routeFoldersOutsideDocs;
    assert.deepEqual(read(`presets: [['classic', { docs: {} }]]`), ['blog']);
    assert.deepEqual(read(`presets: [['@docusaurus/preset-classic', { blog: { routeBasePath: '/news/' } }]], plugins: ['@docusaurus/plugin-ideal-image', false, ['content-docs', { id: 'api', path: 'api' }]]`), ['news']);
    assert.deepEqual(read(`presets: [['classic', { blog: false }]], themes: ['@docusaurus/theme-mermaid']`), []);
    assert.deepEqual(read(`presets: [['classic', { blog: false }]], themeConfig: { algolia: { appId: 'x' } }`), ['search']);
    // Algolia's search page where `searchPagePath` puts it, none where it is false; the debug plugin's pages where `debug` is on.
    assert.deepEqual(read(`presets: [['classic', { blog: false, debug: true }]], themeConfig: { algolia: { appId: 'x', searchPagePath: '/suche/' } }`), ['__docusaurus', 'suche']);
    assert.deepEqual(read(`presets: [['classic', { blog: false, debug: false }]], themes: ['@docusaurus/theme-search-algolia'], themeConfig: { algolia: { searchPagePath: false } }`), []);
    assert.deepEqual(read(`presets: [['classic', { blog: false }]], plugins: ['@docusaurus/plugin-debug']`), ['__docusaurus']);
    assert.deepEqual(read(`presets: [['classic', { blog: false, debug: 0 }]]`), [], 'a falsy debug adds no pages in a production build');
    assert.deepEqual(read(`presets: ['classic'], plugins: [['content-blog', { id: 'changelog', routeBasePath: 'changelog' }]]`), ['blog', 'changelog']);
    // Plugins the file defines as functions whose objects only configure the build (farm's, mittwald's), and Sass's.
    assert.deepEqual(read(`presets: [['classic', { blog: false }]], plugins: [function tw() { return { name: 'tw', configurePostCss(o) { return o; } }; }, () => ({ name: 'w', configureWebpack: () => ({}) }), [async function o(c, options) { return { name: 'o', injectHtmlTags() { return {}; } }; }, { a: 1 }], 'docusaurus-plugin-sass']`), []);
    assert.deepEqual(readDocusaurusConfig(`function tw() {\n  return { name: 'tw', getClientModules() { return []; } };\n}\nmodule.exports = { baseUrl: '/', presets: [['classic', { blog: false }]], plugins: [tw] };\n`, 'docusaurus.config.js').routeFoldersOutsideDocs, []);
    // Any other plugin, preset or theme may make routes anywhere; so may a blog at the top level, or what the file computes.
    for (const config of [
      `presets: ['classic'], plugins: ['@docusaurus/plugin-client-redirects']`,
      `presets: ['classic'], plugins: ['./src/plugins/seiten']`,
      `presets: ['classic'], plugins: [function eigenes() { return { name: 'x', async contentLoaded({ actions }) { actions.addRoute({ path: '/x' }); } }; }]`,
      `presets: ['classic'], plugins: [function eigenes() { if (x) return andere(); return { name: 'x' }; }]`,
      `presets: ['classic'], plugins: [() => ({ ...basis, name: 'x' })]`,
      `presets: ['classic'], plugins: [class Eigenes {}]`,
      `presets: ['classic'], themes: ['@easyops-cn/docusaurus-search-local']`,
      `presets: [['docusaurus-preset-openapi', { docs: {} }]]`,
      `presets: [['classic', { blog: { routeBasePath: '/' } }]]`,
      `presets: [['classic', { blog: { routeBasePath: process.env.BLOG } }]]`,
      `presets: ['classic'], plugins: process.env.PLUGINS`,
      `presets: ['classic'], themeConfig: eigeneThemeConfig`,
      `presets: ['classic'], themeConfig: { algolia: algoliaOptionen }`,
      `presets: ['classic'], themeConfig: { algolia: { searchPagePath: process.env.SUCHE } }`,
    ]) {
      assert.equal(read(config), undefined, config);
    }
  });

  it('reads the blogs whose routes are known: their folder, route folder and lists, written as values, not choosing their files', () => {
    const read = (config: string) => readDocusaurusConfig(`module.exports = { baseUrl: '/', ${config} };`, 'docusaurus.config.js').blogs;
    assert.deepEqual(read(`presets: ['classic']`), [DEFAULT_BLOG]);
    assert.deepEqual(read(`presets: [['classic', { blog: { path: 'news', routeBasePath: '/neues/', tagsBasePath: 'themen', postsPerPage: 'ALL' } }]], plugins: [['content-blog', { id: 'log', path: 'changelog', routeBasePath: 'changelog', archiveBasePath: 'alle', postsPerPage: 3, authorsMapPath: 'autoren.json' }]]`), [
      { folder: 'news', routeBasePath: 'neues', listFolders: ['themen', 'page', 'archive', 'authors'], postsPerPage: 'ALL', translations: 'docusaurus-plugin-content-blog', authorsMap: 'authors.yml' },
      { folder: 'changelog', routeBasePath: 'changelog', listFolders: ['tags', 'page', 'alle', 'authors'], postsPerPage: 3, translations: 'docusaurus-plugin-content-blog-log', authorsMap: 'autoren.json' },
    ]);
    // How many posts a page of its lists shows is not known where it is computed or no count.
    for (const perPage of ['process.env.PER_PAGE', '0', '2.5', "'viele'"]) {
      assert.deepEqual(read(`presets: [['classic', { blog: { postsPerPage: ${perPage} } }]]`), [{ folder: 'blog', routeBasePath: 'blog', listFolders: ['tags', 'page', 'archive', 'authors'], translations: 'docusaurus-plugin-content-blog', authorsMap: 'authors.yml' }], perPage);
    }
    for (const blog of [`{ include: ['*.md'] }`, `{ routeBasePath: process.env.BLOG }`, `{ archiveBasePath: null }`, `{ routeBasePath: '/' }`, `false`]) {
      assert.equal(read(`presets: [['classic', { blog: ${blog} }]]`), undefined, blog);
    }
  });

  it("reads a docs instance's tagsBasePath, where its tags' pages lie; a computed one as unknown", () => {
    const read = (docs: string) => readDocusaurusConfig(`module.exports = { baseUrl: '/', presets: [['classic', { docs: ${docs} }]] };`, 'docusaurus.config.js').docs[0].tagsBasePath;
    assert.equal(read(`{ tagsBasePath: '/themen/' }`), 'themen');
    assert.equal(read(`{}`), undefined);
    assert.equal(read(`{ tagsBasePath: process.env.TAGS }`), false);
  });

  it('requires baseUrl, as Docusaurus does', () => {
    assert.deepEqual(readDocusaurusConfig(`export default {\n  title: 'x',\n};\n`, 'docusaurus.config.js').problems, [
      { range: at(0, 15, 16), message: '"baseUrl" is required.' },
    ]);
  });
});

describe('readDocusaurusConfig: bad and hostile input', () => {
  it('reports a syntax error at its exact place and reads nothing it cannot parse', () => {
    const text = `const config: Config = {
  title: 'Glossar',
  baseUrl: '/'
  onBrokenLinks: 'throw',
};
export default config;
`;
    assert.deepEqual(readDocusaurusConfig(text, 'docusaurus.config.ts'), {
      docs: [],
      notLiteral: [],
      problems: [{ range: at(3, 2), message: 'The site configuration does not parse: Unexpected token, expected ","' }],
    });
  });

  it('reports an error the parser recovers from and still reads the rest', () => {
    const text = `const unfinished;\nmodule.exports = {\n  baseUrl: '/docs/',\n};\n`;
    assert.deepEqual(readDocusaurusConfig(text, 'docusaurus.config.js'), {
      baseUrl: '/docs/',
      docs: [],
      routeFoldersOutsideDocs: [],
      notLiteral: [],
      problems: [{ range: at(0, 16), message: 'The site configuration does not parse: Missing initializer in const declaration.' }],
    });
  });

  it('counts positions in UTF-16 code units after non-ASCII text and CRLF line ends', () => {
    const text = `// Glossar für 𝔊 und Ärger\r\nmodule.exports = {\r\n  title: '𝔊lossar', baseUrl: 7,\r\n};\r\n`;
    assert.deepEqual(readDocusaurusConfig(text, 'docusaurus.config.js').problems, [
      { range: rangeOf(text, '7'), message: '"baseUrl" must be a string.' },
    ]);
    assert.deepEqual(rangeOf(text, "7"), at(2, 30, 31));
  });

  it('returns quickly on nesting 100,000 levels deep, in arrays, objects, parentheses and type assertions', () => {
    const depth = 100_000;
    const inputs = [
      `module.exports = { baseUrl: '/', presets: ${'['.repeat(depth)}${']'.repeat(depth)} };`,
      `export default ${'{a:'.repeat(depth)}1${'}'.repeat(depth)};`,
      `export default ${'('.repeat(depth)}{ baseUrl: '/' }${')'.repeat(depth)};`,
      `export default { baseUrl: '/' }${' as Config'.repeat(depth)};`,
      `const a0 = { baseUrl: '/' };\n${Array.from({ length: depth }, (_, index) => `const a${index + 1} = a${index};`).join('\n')}\nexport default a${depth};`,
    ];
    for (const [index, text] of inputs.entries()) {
      const started = performance.now();
      const facts = readDocusaurusConfig(text, 'docusaurus.config.ts');
      const ms = performance.now() - started;
      assert.ok(ms < 3000, `input ${index} took ${Math.round(ms)} ms`);
      assert.ok(Array.isArray(facts.problems) && Array.isArray(facts.docs));
    }
    assert.deepEqual(readDocusaurusConfig(inputs[0], 'docusaurus.config.js').problems, [
      { range: at(0, 0), message: 'The site configuration is nested too deeply to be read.' },
    ]);
  });

  it('reads a megabyte of tokens in time linear in its size, and refuses more', () => {
    const tokens = (size: number) => `module.exports = { baseUrl: '/', ${'a: 1, '.repeat(size)} };`;
    const growth = growthOf((size) => readDocusaurusConfig(tokens(size), 'docusaurus.config.js'), 40_000);
    assert.equal(superLinear('1 MB of tokens', 40_000, growth), undefined);
    const megabyte = tokens(Math.floor((MAX_CONFIG_CHARACTERS - 40) / 6));
    assert.ok(megabyte.length <= MAX_CONFIG_CHARACTERS);
    assert.equal(readDocusaurusConfig(megabyte, 'docusaurus.config.js').baseUrl, '/');
    const started = performance.now();
    const tooLarge = `${megabyte}${' '.repeat(MAX_CONFIG_CHARACTERS + 1 - megabyte.length)}`;
    assert.deepEqual(readDocusaurusConfig(tooLarge, 'docusaurus.config.js'), {
      docs: [],
      notLiteral: [],
      problems: [{ range: at(0, 0), message: `More than ${MAX_CONFIG_CHARACTERS} characters of site configuration: it is not read.` }],
    });
    assert.ok(performance.now() - started < 100);
  });

  it('bounds the work of spreads that multiply: a large object spread many times, spreads of spreads', () => {
    const spreads = (size: number) =>
      `const big = { ${Array.from({ length: size }, (_, index) => `k${index}: ${index}`).join(', ')} };\n` +
      `const twice = { ...big, ...big };\n` +
      `export default { ${'...twice, '.repeat(size)} };`;
    const growth = growthOf((size) => readDocusaurusConfig(spreads(size), 'docusaurus.config.js'), 5_000);
    assert.equal(superLinear('spreads', 5_000, growth), undefined);
    const text = spreads(20_000);
    assert.deepEqual(readDocusaurusConfig(text, 'docusaurus.config.js').problems, [
      { range: rangeOf(text, '{', 3), message: '"baseUrl" is required.' },
    ]);

    // Each level doubles the spreads to look into: 2^30 without a bound.
    const doubling = `const t0 = { title: 'x' };\n${Array.from({ length: 30 }, (_, index) => `const t${index + 1} = { ...t${index}, ...t${index} };`).join('\n')}\nexport default { ...t30 };`;
    const started = performance.now();
    const facts = readDocusaurusConfig(doubling, 'docusaurus.config.js');
    assert.ok(performance.now() - started < 3000);
    // Where the bound stops the look-up is the place given: somewhere in the spreads.
    assert.equal(facts.notLiteral[0]?.key, 'baseUrl');
    assert.equal(facts.baseUrl, undefined);
  });

  it('never throws on any beginning of a real configuration, as an editor shows it while it is typed', () => {
    for (const [text, fileName] of [
      [CLASSIC_JS_TEMPLATE, 'docusaurus.config.js'],
      [TYPESCRIPT_TEMPLATE, 'docusaurus.config.ts'],
      [OLD_MODULE_EXPORTS, 'docusaurus.config.js'],
    ]) {
      for (let end = 0; end <= text.length; end += 3) {
        const facts = readDocusaurusConfig(text.slice(0, end), fileName);
        for (const { range } of [...facts.problems, ...facts.notLiteral]) {
          assert.ok(range.end.line <= text.slice(0, end).split('\n').length - 1, `a range inside the text at ${end}`);
        }
      }
    }
  });

  it('never throws on cycles of names', () => {
    const text = `const a = b;\nconst b = { ...a };\nconst c = { ...c, baseUrl: c };\nexport default { ...b, i18n: c };\n`;
    const facts = readDocusaurusConfig(text, 'docusaurus.config.js');
    assert.equal(facts.baseUrl, undefined);
    assert.ok(facts.notLiteral.length > 0);
  });
});

describe('a sidebars file, read without running it', () => {
  const ids = (text: string, fileName = 'sidebars.js') => readDocusaurusSidebars(text, fileName).references.map((reference) => reference.id);

  it('names the doc ids of doc and ref items, shorthand categories and categories\' doc links, where they are written', () => {
    const text = `const intro = 'intro';
module.exports = {
  docs: [intro, { type: 'category', label: 'A', link: { type: 'doc', id: 'a/index' }, items: ['a/one', { type: 'doc', id: 'a/two' }, { B: ['b/one'] }] }, { type: 'ref', id: 'other' }, { type: 'link', href: 'https://x.org', label: 'X' }, { type: 'autogenerated', dirName: 'c' }],
  second: { 'Only shorthand': ['s/one', { type: 'category', label: 'S', link: { type: 'generated-index' }, items: ['s/two'] }] },
};`;
    const { references, problems } = readDocusaurusSidebars(text, 'sidebars.js');
    assert.deepEqual(problems, []);
    assert.deepEqual(references.map((reference) => reference.id), ['intro', 'a/one', 'a/two', 'b/one', 'a/index', 'other', 's/one', 's/two']);
    assert.deepEqual(references[0].range, rangeOf(text, 'intro', 3), 'a name is reported where the sidebar uses it');
    assert.deepEqual(references[1].range, rangeOf(text, "'a/one'"));
  });

  it('names the slugs of generated category index pages; none where the file computes a part that could place one (ory\'s imported sidebars)', () => {
    const slugs = (text: string) => readDocusaurusSidebars(text, 'sidebars.js').generatedIndexSlugs;
    const category = (link: string) => `{ type: 'category', label: 'P', link: ${link}, items: ['p/a'] }`;
    assert.deepEqual(slugs(`module.exports = { s: ['x', ${category("{ type: 'generated-index', slug: '/providers' }")}, ${category("{ type: 'generated-index' }")}] };`), ['/providers']);
    assert.equal(slugs(`const network = require('./sidebars-network');\nmodule.exports = { s: ['x', ...network] };`), undefined);
    assert.equal(slugs(`module.exports = { s: ['x', ${category("{ type: 'generated-index', slug: base + '/p' }")}] };`), undefined);
    assert.equal(slugs(`module.exports = require('./generated');`), undefined);
    // Docusaurus leaves a category of no items out of the sidebar, and builds no index page for it (frigate's generated API sidebar).
    assert.deepEqual(slugs(`module.exports = { s: ['x', { type: 'category', label: 'API', link: { type: 'generated-index', slug: '/api' }, items: [] }] };`), []);
  });

  it('reads TypeScript and JSON, and leaves out what the file computes', () => {
    assert.deepEqual(ids(`import type {SidebarsConfig} from '@docusaurus/plugin-content-docs';\nconst sidebars: SidebarsConfig = { s: ['x', ...more, \`y\`] };\nexport default sidebars;`, 'sidebars.ts'), ['x', 'y']);
    assert.deepEqual(ids('{ "s": ["x", { "type": "doc", "id": "y" }] }', 'version-1.0-sidebars.json'), ['x', 'y']);
    assert.deepEqual(ids(`module.exports = require('./generated');`), []);
    assert.deepEqual(ids(`module.exports = { s: [id(), { type: kind, id: 'z' }, { type: 'doc', id: name }] };`), []);
  });

  it('reports a file that does not parse at its place, and never throws on one typed halfway', () => {
    const { problems } = readDocusaurusSidebars('{ "s": [ }', 'sidebars.json');
    assert.equal(problems.length, 1);
    const text = `module.exports = { docs: ['a', { type: 'category', label: 'A', items: ['b', { type: 'doc', id: 'c' }] }] };`;
    for (let end = 0; end <= text.length; end++) assert.doesNotThrow(() => readDocusaurusSidebars(text.slice(0, end), 'sidebars.js'));
  });

  it('reports what Docusaurus refuses in a sidebar besides ids: an unknown item type, a category without label or items, or with neither items nor a link', () => {
    const text = `module.exports = { s: [{ type: 'page', id: 'a' }, { type: 'category', items: ['b'] }, { type: 'category', label: 'C' }, { type: 'category', label: 'D', items: [] }, { type: 'category', label: 'E', items: [], link: { type: 'doc', id: 'e' } }] };`;
    assert.deepEqual(
      readDocusaurusSidebars(text, 'sidebars.js').problems.map((problem) => [problem.range.start.character, problem.message]),
      [
        [text.indexOf("'page'"), 'Docusaurus refuses to build: "page" is no sidebar item type (doc, ref, category, link, html, autogenerated).'],
        [text.indexOf("{ type: 'category', items"), 'Docusaurus refuses to build: a sidebar category needs a "label".'],
        [text.indexOf("{ type: 'category', label: 'C'"), 'Docusaurus refuses to build: a sidebar category needs a list of "items".'],
        [text.indexOf('[] }'), 'Docusaurus refuses to build: this sidebar category has neither items nor a link.'],
      ],
    );
  });

  it('reads a JSON file as JSON (a trailing comma stops it), and nothing of a file that exports a function or changes its object', () => {
    assert.equal(readDocusaurusSidebars('{ "s": ["a",] }', 'sidebars.json').problems.length, 1);
    assert.deepEqual(ids("const make = () => ({ s: ['a'] });\nmodule.exports = make;"), []);
    assert.deepEqual(ids("module.exports = function () { return { s: ['a'] }; };"), []);
    assert.deepEqual(ids("const sidebars = { main: ['fehlt'] };\nsidebars.main = ['intro'];\nmodule.exports = sidebars;"), [], 'a file that changes its object after making it');
  });

  it('reports a "!" glob in the docs exclude, which makes every doc a partial', () => {
    const text = "module.exports = { baseUrl: '/', presets: [['classic', { docs: { exclude: ['**/_*.md', '!**/_Keep.md'] } }]] };";
    assert.deepEqual(readDocusaurusConfig(text, 'docusaurus.config.js').problems, [
      { range: rangeOf(text, "'!**/_Keep.md'"), message: 'Docusaurus refuses to build: a "!" glob in "exclude" makes every doc a partial, and no page renders.' },
    ]);
  });

  it('reads sidebarPath: a path, require.resolve of one, or false', () => {
    const config = (value: string) => readDocusaurusConfig(`module.exports = { baseUrl: '/', presets: [['classic', { docs: { sidebarPath: ${value} } }]] };`, 'docusaurus.config.js').docs[0].sidebarPath?.value;
    assert.equal(config("'./sidebars.js'"), './sidebars.js');
    assert.equal(config("require.resolve('./sidebars.ts')"), './sidebars.ts');
    // Below the configuration's folder, as jest's and pnpm's sites write it.
    assert.equal(config("path.resolve(__dirname, './sidebars.json')"), './sidebars.json');
    assert.equal(config("path.join(__dirname, 'website', 'sidebars.json')"), './website/sidebars.json');
    assert.equal(config("path.join(process.cwd(), 'sidebars.json')"), undefined, 'a folder not known: computed');
    assert.equal(config('false'), false);
    assert.equal(config('undefined'), undefined);
  });
});

describe('addedMdxComponents: what a site adds to the theme\'s MDX components', () => {
  const original = "import MDXComponents from '@theme-original/MDXComponents';\n";
  it('reads the names an object adds after the spread original, exported or through a constant, in JavaScript and TypeScript', () => {
    assert.deepEqual(addedMdxComponents(`${original}import Karte from '@site/src/Karte';\nexport default { ...MDXComponents, Karte, 'Hinweis': (p) => <aside {...p} /> };\n`, 'MDXComponents.js'), ['Karte', 'Hinweis']);
    assert.deepEqual(addedMdxComponents(`${original}const components = { ...MDXComponents, Tabs };\nexport default components;\n`, 'MDXComponents.tsx'), ['Tabs']);
    assert.deepEqual(addedMdxComponents(`import M from '@theme-init/MDXComponents';\nmodule.exports = { ...M };\n`, 'MDXComponents.js'), []);
    // TypeScript with JSX (crowdsec's): types in a component's parameters, a generic, JSX.
    const typed = `${original}function Wrapper({ children, ...props }: React.TableHTMLAttributes<HTMLTableElement>) {\n  return <div className="wrap"><table {...props}>{children}</table></div>;\n}\nexport default { ...MDXComponents, table: Wrapper, Karte };\n`;
    assert.deepEqual(addedMdxComponents(typed, 'MDXComponents.tsx'), ['table', 'Karte']);
  });

  it('knows nothing where the file may replace what gives ids or collects links, or is written otherwise', () => {
    for (const text of [
      `${original}export default { ...MDXComponents, h2: (p) => <h2 {...p} /> };\n`,
      `${original}export default { ...MDXComponents, a: MyLink };\n`,
      `${original}export default { Karte, ...MDXComponents };\n`,
      `${original}export default { ...MDXComponents, ...more };\n`,
      `${original}export default { ...MDXComponents, [name]: Karte };\n`,
      `import MDXComponents from './other';\nexport default { ...MDXComponents, Karte };\n`,
      `${original}export default makeComponents(MDXComponents);\n`,
      `${original}export default { ...MDXComponents, Karte`,
    ]) assert.equal(addedMdxComponents(text, 'MDXComponents.js'), undefined, text);
  });
});
