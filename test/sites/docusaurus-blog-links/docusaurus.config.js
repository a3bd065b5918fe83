// The blog and the pages plugin resolve links to Markdown files among their own pages only.
export default {
  title: 'blog-links',
  url: 'https://example.com',
  baseUrl: '/',
  presets: [['@docusaurus/preset-classic', { docs: {}, blog: { onUntruncatedBlogPosts: 'ignore' } }]],
};
