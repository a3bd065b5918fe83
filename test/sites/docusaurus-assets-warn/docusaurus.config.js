// `markdown.hooks.onBrokenMarkdownImages: 'warn'`: missing images are reported, and the build passes (test/sites/README.md).
module.exports = {
  title: 'Bilder',
  url: 'https://example.com',
  baseUrl: '/',
  markdown: { hooks: { onBrokenMarkdownImages: 'warn' } },
  presets: [['classic', { docs: {}, blog: false, theme: {} }]],
};
