// A TypeScript configuration resolving "./sidebars.js" where only sidebars.ts is: jiti, which loads
// the configuration, finds the TypeScript file, and the build fails on the id its sidebar names
// that no doc has (test/sites/README.md).
export default {
  title: 'Sidebars in TypeScript, resolved as .js',
  url: 'https://example.com',
  baseUrl: '/',
  presets: [['@docusaurus/preset-classic', { docs: { sidebarPath: require.resolve('./sidebars.js') }, blog: false }]],
};
