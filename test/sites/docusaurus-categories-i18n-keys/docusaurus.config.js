// Categories of one sidebar generated from the folders, in a translated locale (i18n/en/ exists):
// two folders named "kubernetes", one with a key of its own in its _category_.json, and two index
// docs with one title, which is not their categories' label; the build passes (test/sites/README.md).
module.exports = {
  title: 'Kategorien',
  url: 'https://example.com',
  baseUrl: '/',
  i18n: { defaultLocale: 'de', locales: ['de', 'en'] },
  presets: [['@docusaurus/preset-classic', { docs: {}, blog: false }]],
};
