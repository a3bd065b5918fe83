// Two docs at one route, with onDuplicateRoutes: 'throw': the build fails (test/sites/README.md).
module.exports = {
  title: 'Strenge Routen',
  url: 'https://example.com',
  baseUrl: '/',
  onDuplicateRoutes: 'throw',
  presets: [['@docusaurus/preset-classic', { docs: {}, blog: false }]],
};
