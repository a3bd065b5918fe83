// A blog post translated into French, whose translation links to a post that is not there
// (`/blog/nope`): the French build reports the link as its page renders it, `/fr/blog/nope`.
module.exports = {
  title: 'Blog in zwei Sprachen',
  url: 'https://example.com',
  baseUrl: '/',
  i18n: { defaultLocale: 'en', locales: ['en', 'fr'] },
  presets: [['@docusaurus/preset-classic', { docs: { sidebarPath: false }, blog: {} }]],
};
