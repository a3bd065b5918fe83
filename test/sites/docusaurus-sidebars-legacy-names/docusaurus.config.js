// A version's sidebars file with a sidebar named as Docusaurus 2 named them (`version-1.0/main`,
// helm's and rocketmq's older sites): Docusaurus 3 refuses to build.
module.exports = {
  title: 'Legacy sidebar names',
  url: 'https://example.com',
  baseUrl: '/',
  presets: [['@docusaurus/preset-classic', { docs: { sidebarPath: require.resolve('./sidebars.js') }, blog: false }]],
};
