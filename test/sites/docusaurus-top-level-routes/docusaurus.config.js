// Routes at the top level, outside the docs: with the classic preset alone, only the pages of
// src/pages, the blog, Algolia's search page at its `searchPagePath` and the debug plugin's pages
// are there (pnpm's and jest's /help). A link to any other breaks the build.
module.exports = {
  title: 'Top level',
  url: 'https://example.com',
  baseUrl: '/',
  presets: [['@docusaurus/preset-classic', { docs: {}, blog: {}, debug: true }]],
  themeConfig: { algolia: { appId: 'X', apiKey: 'Y', indexName: 'Z', searchPagePath: 'suche' } },
};
