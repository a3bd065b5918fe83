// Anchors of blog posts and Markdown pages: links from docs, posts and pages to a post's anchors by
// route, from a post to another post by file, and a post's or page's links to its own anchors.
module.exports = {
  title: 'Blog anchors',
  url: 'https://example.org',
  baseUrl: '/',
  presets: [['classic', { docs: {}, blog: { onUntruncatedBlogPosts: 'ignore' } }]],
};
