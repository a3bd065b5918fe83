// Relative URLs that climb above the English build's base URL (`/en/`): from `/en/hilfe`,
// `../docs/intro` leads to `/docs/intro`, no route of that build; posts all translated, and two tags
// of one permalink (`/gemeinsam`, from tags.yml and a tag written as an object) share one list.
module.exports = {
  title: 'Über die Basis hinaus',
  url: 'https://example.com',
  baseUrl: '/',
  i18n: { defaultLocale: 'de', locales: ['de', 'en'] },
  presets: [['@docusaurus/preset-classic', { docs: { sidebarPath: false }, blog: { postsPerPage: 1 } }]],
};
