// trailingSlash: false under a base URL, the docs at its root, in two locales (test/sites/README.md):
// Docusaurus keeps the final slash of a route that is the locale's base URL (/base/, /base/fr/).
module.exports = {
  title: 'Trailing slash under a base URL',
  url: 'https://example.com',
  baseUrl: '/base/',
  trailingSlash: false,
  i18n: { defaultLocale: 'en', locales: ['en', 'fr'] },
  presets: [['@docusaurus/preset-classic', { docs: { routeBasePath: '/' }, blog: false, pages: false }]],
};
