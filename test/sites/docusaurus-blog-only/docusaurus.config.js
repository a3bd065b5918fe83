// A blog-only site (`docs: false`, marvinzhang.dev's): no docs plugin, the blog at /blog. A post
// links to another post's anchors by file and by route, and to its own; a post's list repeats the
// links before its truncate marker.
module.exports = {
  title: 'Blog only',
  url: 'https://example.com',
  baseUrl: '/',
  presets: [['@docusaurus/preset-classic', { docs: false, blog: { onUntruncatedBlogPosts: 'ignore' } }]],
};
