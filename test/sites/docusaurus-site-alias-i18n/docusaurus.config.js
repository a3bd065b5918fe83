// An @site/ link to a doc translated in another locale: there Docusaurus finds no doc at it, takes
// the file for an asset and builds (test/sites/README.md).
module.exports = {
  title: 'Alias',
  url: 'https://example.com',
  baseUrl: '/',
  i18n: { defaultLocale: 'en', locales: ['en', 'de'] },
  presets: [['@docusaurus/preset-classic', { docs: {}, blog: false }]],
};
