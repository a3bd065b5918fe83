// A category file linking to a doc id no doc has, under the generated sidebar: the build fails (test/sites/README.md).
module.exports = {
  title: 'Categories, one link missing',
  url: 'https://example.com',
  baseUrl: '/',
  presets: [['@docusaurus/preset-classic', { docs: {}, blog: false }]],
};
