// A blog's tags file of its own name (blog option `tags`) declares a tag's permalink: its list is at
// `/blog/tags/erstes/tief`, where `../../docs/intro` leads to `/blog/docs/intro`.
module.exports = {
  title: 'Eigene Schlagwortdatei',
  url: 'https://example.com',
  baseUrl: '/',
  presets: [['@docusaurus/preset-classic', { docs: { sidebarPath: false }, blog: { tags: 'themen.yml' } }]],
};
