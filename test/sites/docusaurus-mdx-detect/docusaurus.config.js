// Markdown files are CommonMark, MDX files MDX: `markdown.format: 'detect'`.
export default {
  title: 'docusaurus-mdx-detect',
  url: 'https://example.com',
  baseUrl: '/',
  markdown: { format: 'detect' },
  presets: [['@docusaurus/preset-classic', { docs: {}, blog: false }]],
};
