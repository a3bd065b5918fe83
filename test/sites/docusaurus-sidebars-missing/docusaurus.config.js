// A sidebar (in TypeScript) naming a doc id no doc has: the build fails (test/sites/README.md).
module.exports = {
  title: 'Sidebars, one id missing',
  url: 'https://example.com',
  baseUrl: '/',
  presets: [['@docusaurus/preset-classic', { docs: { sidebarPath: require.resolve('./sidebars.ts') }, blog: false }]],
};
