// A site that adds components to Docusaurus's MDX components in TypeScript with JSX
// (`src/theme/MDXComponents.tsx` with typed parameters, as crowdsec's docs): pages use them
// without importing them, and the anchors of its pages are Docusaurus's own.
module.exports = {
  title: 'MDX components in TSX',
  url: 'https://example.com',
  baseUrl: '/',
  presets: [['@docusaurus/preset-classic', { docs: {}, blog: false }]],
};
