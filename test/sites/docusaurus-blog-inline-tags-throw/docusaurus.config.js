// The blog refuses tags its tags file does not declare (`onInlineTags: 'throw'`): a post tagged
// `beta`, which blog/tags.yml does not declare, fails the build.
module.exports = {
  title: 'Strenge Schlagworte',
  url: 'https://example.com',
  baseUrl: '/',
  presets: [['@docusaurus/preset-classic', { docs: { sidebarPath: false }, blog: { onInlineTags: 'throw' } }]],
};
