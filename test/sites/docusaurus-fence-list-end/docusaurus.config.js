// A line left of a list item's content ends the item's fence and the item (adguard-dns' translated
// filtering syntax): `# oben` is a heading, and the fence after it opens outside the item and runs
// to the end of the page, with the heading and the link below it.
module.exports = {
  title: 'Fence leaves the list',
  url: 'https://example.com',
  baseUrl: '/',
  presets: [['@docusaurus/preset-classic', { docs: {}, blog: false }]],
};
