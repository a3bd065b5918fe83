// lastVersion names a version there is not: the build fails (test/sites/README.md).
module.exports = {
  title: 'Versions, one invalid',
  url: 'https://example.com',
  baseUrl: '/',
  presets: [['@docusaurus/preset-classic', { docs: { lastVersion: '3.0' }, blog: false }]],
};
