// Links from a doc to anchors of Markdown pages of `src/pages` by their routes (yunikorn's versioned
// docs linking `/community/release_procedure#tag-and-update-release-for-version`): Docusaurus checks
// them as it checks a doc's, against the headings of the page (not its H1), with a final slash or not.
module.exports = {
  title: 'Seiten-Anker',
  url: 'https://example.com',
  baseUrl: '/',
  presets: [['@docusaurus/preset-classic', { docs: { sidebarPath: false }, blog: false }]],
};
