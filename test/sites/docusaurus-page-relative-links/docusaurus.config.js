// Relative URLs in Markdown pages of src/pages: Docusaurus leaves them as written, and the page
// reads them from its own URL (`/hilfe/faq`, `/hilfe/` for `hilfe/index.md`, a `slug`'s): a link
// without a scheme (IvorySQL's `trial.ivorysql.org`) leads below the page's folder, to no page.
module.exports = {
  title: 'Seiten',
  url: 'https://example.com',
  baseUrl: '/',
  presets: [['@docusaurus/preset-classic', { docs: { sidebarPath: false }, blog: false }]],
};
