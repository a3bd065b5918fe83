// Relative links with a dot in their last segment from blog posts and a Markdown page (moon's
// release posts: `[v0.14](./v0.14)` from `/blog/v0.15`): Docusaurus finds no file there, leaves each a
// URL, and it reaches the post at that route. A missing `.pdf` stays a broken link.
module.exports = {
  title: 'Relative Punkte',
  url: 'https://example.com',
  baseUrl: '/',
  presets: [['@docusaurus/preset-classic', { docs: { sidebarPath: false }, blog: {} }]],
};
