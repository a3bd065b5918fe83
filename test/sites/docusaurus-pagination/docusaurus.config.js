// A site whose pagination names docs by id (with their folders), which builds: the German
// locale's translation names an untranslated doc, and a draft names a missing one (drafts are not
// built). test/sites/README.md.
module.exports = {
  title: 'Pagination',
  url: 'https://example.com',
  baseUrl: '/',
  i18n: { defaultLocale: 'en', locales: ['en', 'de'] },
  presets: [['@docusaurus/preset-classic', { docs: {}, blog: false }]],
};
