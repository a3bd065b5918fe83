// Links to anchors: which headings and elements give a doc's page an anchor, as Docusaurus 3 collects
// them for its broken-anchor check (a warning by default), and which links it finds broken (test/sites/README.md).
module.exports = {
  title: 'Anker',
  url: 'https://example.com',
  baseUrl: '/',
  i18n: { defaultLocale: 'en', locales: ['en', 'de'] },
  presets: [['@docusaurus/preset-classic', { docs: { sidebarPath: false }, blog: false }]],
};
