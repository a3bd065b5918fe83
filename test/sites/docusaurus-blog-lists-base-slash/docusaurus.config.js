// Lists of posts below a base URL with final slashes: every post on the one page of the blog's list
// (`postsPerPage: 'ALL'`), tags declared in the default tags file (`tags.yml`), an author page at its own permalink.
module.exports = {
  title: 'Listen mit Schrägstrich',
  url: 'https://example.com',
  baseUrl: '/base/',
  trailingSlash: true,
  presets: [['@docusaurus/preset-classic', { docs: { sidebarPath: false }, blog: { postsPerPage: 'ALL' } }]],
};
