// The title Docusaurus gives a doc that declares none: an H1 only where it opens the content.
module.exports = {
  title: 'Titel',
  url: 'https://example.com',
  baseUrl: '/',
  presets: [['@docusaurus/preset-classic', { docs: {}, blog: {}, theme: {} }]],
};
