// Links in partials (`_links.mdx`) render on every page that imports them, itself or through another
// partial: a broken one fails the build there (reported on each such page), and a partial no built page
// imports renders nowhere. A Markdown file's path resolves from the partial's own folder.
module.exports = {
  title: 'Teile',
  url: 'https://example.com',
  baseUrl: '/',
  presets: [['@docusaurus/preset-classic', { docs: { sidebarPath: false }, blog: false }]],
};
