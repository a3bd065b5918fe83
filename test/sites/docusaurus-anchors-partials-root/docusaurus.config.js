// Anchors a page gets from a Markdown partial it imports by a path from the site's folder
// (`/docs/partials/_integrate-dyte.mdx`, dyte's docs): webpack looks for it in the static folders,
// then in the site's folder (`resolve.roots`), and Docusaurus collects its headings' ids where it renders.
module.exports = {
  title: 'Wurzel',
  url: 'https://example.com',
  baseUrl: '/',
  presets: [['@docusaurus/preset-classic', { docs: { sidebarPath: false }, blog: false }]],
};
