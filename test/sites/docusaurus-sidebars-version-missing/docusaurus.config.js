// Version 1.0's sidebar names a doc only the current version has: the build fails (test/sites/README.md).
module.exports = {
  title: 'Versioned sidebars',
  url: 'https://example.com',
  baseUrl: '/',
  presets: [['@docusaurus/preset-classic', { docs: { sidebarPath: './sidebars.json' }, blog: false }]],
};
