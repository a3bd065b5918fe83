// Variants of the lists of posts (the blog's own, tags', authors') that read a post's relative URLs:
// custom route folders, a named tags file, tags as objects, two tags of one permalink, an author
// page's own permalink, unlisted posts and drafts, equal dates, translated posts with their own date
// and slug, and a second blog instance with its translations.
module.exports = {
  title: 'Listen-Varianten',
  url: 'https://example.com',
  baseUrl: '/',
  trailingSlash: false,
  i18n: { defaultLocale: 'de', locales: ['de', 'en'] },
  presets: [
    [
      '@docusaurus/preset-classic',
      {
        docs: { sidebarPath: false },
        blog: { path: 'news', routeBasePath: 'news', tagsBasePath: 'themen', pageBasePath: 'seite', authorsBasePath: 'leute', postsPerPage: 2, tags: 'themen.yml', onInlineTags: 'ignore' },
      },
    ],
  ],
  plugins: [['@docusaurus/plugin-content-blog', { id: 'zweit', path: 'zweit', routeBasePath: 'zweit', postsPerPage: 1 }]],
};
