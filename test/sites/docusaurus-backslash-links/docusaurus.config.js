// Markdown links to files written with backslashes (keploy's docs): Docusaurus reads a backslash in
// a Markdown file's path as a slash, so `sub\c.md` reaches the doc; a route with one does not.
module.exports = {
  title: 'Backslashes',
  url: 'https://example.com',
  baseUrl: '/',
  presets: [['@docusaurus/preset-classic', { docs: {}, blog: false }]],
};
