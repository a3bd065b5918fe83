// The fixture's own site configuration: two docs instances (docs/ and wissen/, without number
// prefixes) and a German locale.
// The harness (scripts/docusaurus/site.mjs) sets onBrokenLinks on top of it.
module.exports = {
  title: 'Docusaurus rules',
  url: 'https://example.com',
  baseUrl: '/',
  i18n: { defaultLocale: 'en', locales: ['en', 'de'] },
  presets: [['@docusaurus/preset-classic', { docs: {}, blog: false }]],
  plugins: [['@docusaurus/plugin-content-docs', { id: 'wissen', path: 'wissen', routeBasePath: 'wissen', numberPrefixParser: false }]],
};
