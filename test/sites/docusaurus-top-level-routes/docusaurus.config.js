// Routes at the top level, outside the docs: with the classic preset alone, only the pages of
// src/pages and the blog are there (pnpm's and jest's /help). A link to any other breaks the build.
module.exports = {
  title: 'Top level',
  url: 'https://example.com',
  baseUrl: '/',
  presets: [['@docusaurus/preset-classic', { docs: {}, blog: {} }]],
};
