// Category files under the sidebar generated from the folders (no sidebarPath): links to docs by
// their last id segment and by their whole id, a generated index (one at its own slug, linked to),
// a folder with a draft only (no category, so its link is not read); the build passes
// (test/sites/README.md).
module.exports = {
  title: 'Categories',
  url: 'https://example.com',
  baseUrl: '/',
  presets: [['@docusaurus/preset-classic', { docs: {}, blog: false }]],
};
