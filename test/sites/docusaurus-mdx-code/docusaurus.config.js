// Where MDX reads code, not Markdown: JSX tags' attributes (over lines too), expressions and template
// literals. A link written there is none, and no broken one; the links after them are judged.
module.exports = {
  title: 'MDX-Code',
  url: 'https://example.com',
  baseUrl: '/',
  presets: [['@docusaurus/preset-classic', { docs: { sidebarPath: false }, blog: false }]],
};
