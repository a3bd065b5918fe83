// Setext headings whose text runs over lines (yunikorn's design docs: a paragraph of three lines
// over `---`): mdast keeps a soft break's line ending, which the slug drops, and a hard break (two
// blanks, a backslash) adds nothing, so the id runs the lines together. A setext heading in a list
// item is slugged from its text after the item's marker.
module.exports = {
  title: 'Zeilen',
  url: 'https://example.com',
  baseUrl: '/',
  presets: [['@docusaurus/preset-classic', { docs: { sidebarPath: false }, blog: false }]],
};
