// Modules the pages import or require, as webpack resolves them for Docusaurus: relative, @site/
// and absolute paths, extensions it adds and those it does not, a blog post and a draft
// (test/sites/README.md).
module.exports = {
  title: 'Importe',
  url: 'https://example.com',
  baseUrl: '/',
  presets: [['classic', { docs: {}, blog: {}, pages: false, theme: {} }]],
};
