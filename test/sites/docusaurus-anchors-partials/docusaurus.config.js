// Anchors a page gets from the Markdown partials it imports and renders (pnpm's `_cpuFlag.mdx`):
// Docusaurus collects the partials' heading ids where they render, each file slugging its own.
module.exports = {
  title: 'Teile',
  url: 'https://example.com',
  baseUrl: '/',
  presets: [['@docusaurus/preset-classic', { docs: { sidebarPath: false }, blog: false }]],
};
