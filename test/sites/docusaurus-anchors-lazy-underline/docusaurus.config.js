// A setext underline is no lazy line (yunikorn's docs: a list of steps linking to `#Setup-Kubemark`,
// then `---` at the margin): after a list item or a quote, `---` at the margin ends them and is a
// rule, not the underline of a heading made of the item's text. The page's anchors are its headings'.
module.exports = {
  title: 'Unterstrich',
  url: 'https://example.com',
  baseUrl: '/',
  presets: [['@docusaurus/preset-classic', { docs: { sidebarPath: false }, blog: false }]],
};
