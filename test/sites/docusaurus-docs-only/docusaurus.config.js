// Docs-only mode: the docs at the site's root, beside the blog and a page of src/pages.
module.exports = {
  title: 'Nur Doku',
  url: 'https://example.com',
  baseUrl: '/',
  presets: [['@docusaurus/preset-classic', { docs: { routeBasePath: '/' }, blog: {}, theme: {} }]],
};
