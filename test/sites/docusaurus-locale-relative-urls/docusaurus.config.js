// Relative URLs in translated blog posts and Markdown pages (`i18n/en/docusaurus-plugin-content-blog/`,
// `…-pages/`): the English build reads each from the English page that shows it, `/en/blog/beitrag-2`
// and the English list of posts, `/en/blog`, where `./beitrag-1` leads to `/en/beitrag-1`.
module.exports = {
  title: 'Übersetzte relative URLs',
  url: 'https://example.com',
  baseUrl: '/',
  i18n: { defaultLocale: 'de', locales: ['de', 'en'] },
  presets: [['@docusaurus/preset-classic', { docs: { sidebarPath: false }, blog: { postsPerPage: 1 } }]],
};
