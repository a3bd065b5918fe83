// Category index pages a sidebars file places by `slug` (ory's `link: { type: 'generated-index', slug }`), here at the
// route of a folder of docs: links to them reach a page; a link to a route no doc and no index page has is broken.
module.exports = {
  title: 'Generated index',
  url: 'https://example.com',
  baseUrl: '/',
  presets: [['@docusaurus/preset-classic', { docs: { sidebarPath: './sidebars.js' }, blog: false }]],
};
