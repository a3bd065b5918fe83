// trailingSlash: false, with a second docs instance whose index doc is its root (test/sites/README.md):
// every route without its final slash, the build passes.
module.exports = {
  title: 'Trailing slash',
  url: 'https://example.com',
  baseUrl: '/',
  trailingSlash: false,
  presets: [['@docusaurus/preset-classic', { docs: {}, blog: false }]],
  plugins: [['@docusaurus/plugin-content-docs', { id: 'kontakte', path: 'kontakte', routeBasePath: 'kontakte' }]],
};
