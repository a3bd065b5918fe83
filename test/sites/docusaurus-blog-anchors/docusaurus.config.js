// Links of blog posts and Markdown pages of `src/pages` to their own anchors (kubeedge's posts:
// `#analyze-results`, `#Check-cilium-connectivity-from-pods`), and of their French translations
// (`#升级k8s依赖到130` in kubeedge's Chinese release notes): Docusaurus reports a link to an anchor
// the page does not have on the page built from each file; the build passes.
module.exports = {
  title: 'Eigene Anker',
  url: 'https://example.com',
  baseUrl: '/',
  i18n: { defaultLocale: 'en', locales: ['en', 'fr'] },
  presets: [['@docusaurus/preset-classic', { docs: { sidebarPath: false }, blog: { onUntruncatedBlogPosts: 'ignore' } }]],
};
