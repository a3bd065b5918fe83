// Bundles the extension client, the language server, the CLI and the library entry into dist/.
// Each bundle is self-contained CommonJS for Node 20; only `vscode` stays external.
import * as esbuild from 'esbuild';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

const { version, repository } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
// "git+https://github.com/o/r.git" (npm's form) or a plain URL: the web address, for links in reports.
const repositoryUrl = (typeof repository === 'string' ? repository : repository.url).replace(/^git\+/, '').replace(/\.git$/, '');
const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

const shared = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  define: { PACKAGE_VERSION: JSON.stringify(version), PACKAGE_REPOSITORY: JSON.stringify(repositoryUrl) },
  // jsonc-parser's `main` is a UMD build whose requires esbuild cannot follow; its ES modules bundle.
  alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' },
};

// The MDX parser (server/src/parsing/mdxParser.ts) is a bundle of its own, dist/mdx.js, which the
// others load from beside them when a file first needs it: it would double the size every start reads.
const mdxParserApart = {
  name: 'mdx-parser-apart',
  setup(build) {
    build.onResolve({ filter: /^\.\/mdxParser$/ }, () => ({ path: './mdx.js', external: true }));
  },
};
// @babel/parser (server/src/site/babelParser.ts), RE2 (server/src/site/goRegExp.ts), lodash's
// slugs (server/src/features/tagPermalinks.ts), js-yaml (server/src/parsing/jsYaml.ts), HTML's
// character references (server/src/features/htmlEntities.ts) and GitHub's heading slugs
// (server/src/site/headingSlugs.ts) are bundles of their own too: only a Docusaurus configuration,
// a Hugo site's `ignoreFiles`, a generated tags file, front matter with a YAML error, a heading's
// text written by a fix and links to anchors need them, and each of four bundles would hold a copy.
const librariesApart = {
  name: 'libraries-apart',
  setup(build) {
    build.onResolve({ filter: /^\.\/babelParser$/ }, () => ({ path: './babel.js', external: true }));
    build.onResolve({ filter: /^\.\/goRegExp$/ }, () => ({ path: './re2.js', external: true }));
    build.onResolve({ filter: /^\.\/tagPermalinks$/ }, () => ({ path: './tagPermalinks.js', external: true }));
    build.onResolve({ filter: /^\.\/jsYaml$/ }, () => ({ path: './jsYaml.js', external: true }));
    build.onResolve({ filter: /^\.\/htmlEntities$/ }, () => ({ path: './htmlEntities.js', external: true }));
    build.onResolve({ filter: /^\.\/headingSlugs$/ }, () => ({ path: './headingSlugs.js', external: true }));
    // The CLI's `server` command runs the language server's own bundle.
    build.onResolve({ filter: /^\.\.\/lsp\/main$/ }, () => ({ path: './server.js', external: true }));
  },
};
// The command line and the library share the glossary service in dist/core.js (server/src/cli/core.ts).
const coreApart = {
  name: 'core-apart',
  setup(build) {
    build.onResolve({ filter: /^\.\/core$/ }, () => ({ path: './core.js', external: true }));
  },
};
// acorn-jsx requires acorn's CommonJS build, micromark imports its ES module: one copy, not two.
const oneAcorn = {
  name: 'one-acorn',
  setup(build) {
    build.onResolve({ filter: /^acorn$/ }, () => ({ path: require.resolve('acorn') }));
  },
};

const builds = [
  { entryPoints: { client: 'client/src/extension.ts' }, external: ['vscode'] },
  { entryPoints: { server: 'server/src/lsp/main.ts' }, plugins: [mdxParserApart, librariesApart] },
  { entryPoints: { cli: 'server/src/cli/main.ts' }, banner: { js: '#!/usr/bin/env node' }, plugins: [coreApart, librariesApart] },
  { entryPoints: { lib: 'server/src/cli/library.ts' }, plugins: [coreApart] },
  { entryPoints: { core: 'server/src/cli/core.ts' }, plugins: [mdxParserApart, librariesApart] },
  { entryPoints: { mdx: 'server/src/parsing/mdxParser.ts' }, plugins: [oneAcorn] },
  { entryPoints: { babel: 'server/src/site/babelParser.ts', re2: 'server/src/site/goRegExp.ts', tagPermalinks: 'server/src/features/tagPermalinks.ts', jsYaml: 'server/src/parsing/jsYaml.ts', htmlEntities: 'server/src/features/htmlEntities.ts', headingSlugs: 'server/src/site/headingSlugs.ts' } },
  // The thread that reads and parses a workspace's files while the server indexes them (server/src/workspace/parseFiles.ts).
  { entryPoints: { parseWorker: 'server/src/workspace/parseWorker.ts' }, plugins: [mdxParserApart, librariesApart] },
];

const contexts = await Promise.all(
  builds.map((build) => esbuild.context({ ...shared, outdir: 'dist', ...build })),
);
if (watch) {
  await Promise.all(contexts.map((context) => context.watch()));
} else {
  await Promise.all(contexts.map((context) => context.rebuild()));
  await Promise.all(contexts.map((context) => context.dispose()));
}
