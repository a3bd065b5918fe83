// Docusaurus builds each locale apart: a link from an English page to a route of the French pages
// is broken in the English build, even where the French build has the page (test/sites/README.md).
module.exports = {
  title: 'Sprachen',
  url: 'https://example.com',
  baseUrl: '/',
  onBrokenLinks: 'warn',
  i18n: { defaultLocale: 'en', locales: ['en', 'fr'] },
  presets: [['@docusaurus/preset-classic', { docs: { sidebarPath: false }, blog: false }]],
};
