// Pages of the pages plugin inside the docs' routeBasePath: links to them are no broken links
// (test/sites/README.md).
module.exports = {
  title: 'Kennisbank',
  url: 'https://example.com',
  baseUrl: '/',
  presets: [['classic', { docs: { routeBasePath: 'kennisbank' }, blog: false, theme: {} }]],
};
