// Images in blog posts and Markdown pages, which Docusaurus compiles as it compiles docs; a second
// blog in `neuigkeiten/` (test/sites/README.md).
module.exports = {
  title: 'Blog',
  url: 'https://example.com',
  baseUrl: '/',
  presets: [['classic', { docs: {}, theme: {} }]],
  plugins: [['@docusaurus/plugin-content-blog', { id: 'neuigkeiten', path: 'neuigkeiten', routeBasePath: 'neuigkeiten' }]],
};
