// Docusaurus unwraps an `mdx-code-block` fence into the page (wails's images in a `<div>`): one that
// holds no heading and no id adds no anchor, and a link to an anchor the page does not have is a
// broken anchor there as anywhere; one that holds a heading or an element's id gives the page its anchor.
module.exports = {
  title: 'Entpackte Blöcke',
  url: 'https://example.com',
  baseUrl: '/',
  presets: [['@docusaurus/preset-classic', { docs: { sidebarPath: false }, blog: false }]],
};
