// A site that adds components to Docusaurus's MDX components (`src/theme/MDXComponents.js`, the
// theme's original spread first, as webdriverio's): pages use them without importing them, and
// the anchors of its pages are Docusaurus's own.
module.exports = {
  title: 'MDX components',
  url: 'https://example.com',
  baseUrl: '/',
  presets: [['@docusaurus/preset-classic', { docs: {}, blog: false }]],
};
