// A site that swizzles one of Docusaurus's MDX components (`src/theme/MDXComponents/Img/index.js`,
// chaos-mesh's website) and not `MDXComponents` itself: the folder `src/theme/MDXComponents/`
// holds no index file, so `@theme/MDXComponents` is still the theme's, and the anchors of its
// pages are Docusaurus's own.
module.exports = {
  title: 'MDX components folder',
  url: 'https://example.com',
  baseUrl: '/',
  presets: [['@docusaurus/preset-classic', { docs: {}, blog: false }]],
};
