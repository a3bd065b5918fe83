// An anchor whose percent-encoding is no UTF-8: Docusaurus's broken-anchor check cannot decode it,
// and the build fails, whatever onBrokenAnchors says (test/sites/README.md).
module.exports = {
  title: 'Anker',
  url: 'https://example.com',
  baseUrl: '/',
  presets: [['@docusaurus/preset-classic', { docs: { sidebarPath: false }, blog: false }]],
};
