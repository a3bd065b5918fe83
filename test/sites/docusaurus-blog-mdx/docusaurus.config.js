// MDX in blog posts and Markdown pages, compiled as docs are, with MDX 1's syntax off (test/sites/README.md).
module.exports = {
  title: 'Blog-MDX',
  url: 'https://example.com',
  baseUrl: '/',
  future: { v4: { mdx1CompatDisabledByDefault: true } },
  presets: [['classic', { docs: {}, theme: {} }]],
};
