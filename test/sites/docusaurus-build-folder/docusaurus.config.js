// Folders named build, dist or out inside the docs are sections like any: Docusaurus builds their
// pages (astar-docs' docs/build/), unlike the site's own build/ output (test/sites/README.md).
module.exports = {
  title: 'Bauen',
  url: 'https://example.com',
  baseUrl: '/',
  onBrokenLinks: 'warn',
  presets: [['@docusaurus/preset-classic', { docs: { sidebarPath: false }, blog: false }]],
};
