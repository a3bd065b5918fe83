// The blog refuses tags its tags file does not declare (`onInlineTags: 'throw'`), in the posts it
// builds only: a draft and an `_` file tagged `beta` do not fail the build.
module.exports = {
  title: 'Strenge Schlagworte, Entwürfe',
  url: 'https://example.com',
  baseUrl: '/',
  presets: [['@docusaurus/preset-classic', { docs: { sidebarPath: false }, blog: { onInlineTags: 'throw' } }]],
};
