// Two folders of the sidebar generated from the folders make categories of one label, "kubernetes"
// (`02-kubernetes` without its number prefix), and the English locale is translated (its i18n/en/
// folder exists): Docusaurus refuses to build it (test/sites/README.md).
module.exports = {
  title: 'Kategorien',
  url: 'https://example.com',
  baseUrl: '/',
  i18n: { defaultLocale: 'de', locales: ['de', 'en'] },
  presets: [['@docusaurus/preset-classic', { docs: {}, blog: false }]],
};
