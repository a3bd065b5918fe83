// Markdown file links reach the docs of their own docs plugin instance, and a name without `./` is
// looked for in the folders of the linking doc's own version (test/sites/README.md).
module.exports = {
  title: 'Dateilinks',
  url: 'https://example.com',
  baseUrl: '/',
  presets: [['@docusaurus/preset-classic', { docs: { lastVersion: 'current' }, blog: false }]],
  plugins: [['@docusaurus/plugin-content-docs', { id: 'api', path: 'api', routeBasePath: 'api' }]],
};
