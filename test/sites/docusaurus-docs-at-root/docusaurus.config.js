// Docs served at the site's root beside pages of src/pages at the same routes (a React page at /, a
// Markdown page at /hilfe): with onDuplicateRoutes: 'throw', the build fails (test/sites/README.md).
module.exports = {
  title: 'Wurzel',
  url: 'https://example.com',
  baseUrl: '/',
  onDuplicateRoutes: 'throw',
  presets: [['@docusaurus/preset-classic', { docs: { routeBasePath: '/', sidebarPath: false }, blog: false }]],
};
