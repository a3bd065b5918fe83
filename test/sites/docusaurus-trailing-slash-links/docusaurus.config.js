// Broken links on a site with `trailingSlash: true` (mittwald's developer portal): the build reports
// each as its `<Link>` renders it, with a final slash added to its path (`/docs/nope/` for
// `/docs/nope`, `../fehlt/#teil` for `../fehlt#teil`).
module.exports = {
  title: 'Trailing slash links',
  url: 'https://example.com',
  baseUrl: '/',
  trailingSlash: true,
  presets: [['@docusaurus/preset-classic', { docs: { sidebarPath: false }, blog: false }]],
};
