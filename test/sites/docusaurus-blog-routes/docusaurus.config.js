// Links to the blog's posts by route, as the blog plugin makes them: a date in the file name put
// first, a `slug`, a dated folder; drafts and `_` files are no posts. A link to no post breaks the build.
module.exports = {
  title: 'Blogrouten',
  url: 'https://example.com',
  baseUrl: '/',
  presets: [['@docusaurus/preset-classic', { docs: { sidebarPath: false }, blog: { onUntruncatedBlogPosts: 'ignore' } }]],
};
