// Sidebars that name docs by id (test/sites/README.md): every id is a doc of the version, a draft
// (left out of the sidebar) or an unlisted doc; the build passes.
module.exports = {
  title: 'Sidebars',
  url: 'https://example.com',
  baseUrl: '/',
  presets: [['@docusaurus/preset-classic', { docs: { sidebarPath: './sidebars.js' }, blog: false }]],
};
