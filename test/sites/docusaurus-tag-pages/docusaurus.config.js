// Links to the pages of the docs' tags: one per tag a published doc gives, at the permalink its
// tags.yml writes, else the kebab case of its key or label; a draft's tag has none.
module.exports = {
  title: 'Schlagwortseiten',
  url: 'https://example.com',
  baseUrl: '/',
  presets: [['@docusaurus/preset-classic', { docs: { sidebarPath: false, onInlineTags: 'ignore' }, blog: false }]],
  // A second instance whose tags' pages lie below `themen`.
  plugins: [['@docusaurus/plugin-content-docs', { id: 'wissen', path: 'wissen', routeBasePath: 'wissen', sidebarPath: false, tagsBasePath: 'themen', onInlineTags: 'ignore' }]],
};
