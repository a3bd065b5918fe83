// A tag tags.yml does not declare, with the docs plugin's onInlineTags: 'throw': the build fails
// (test/sites/README.md).
module.exports = {
  title: 'Strenge Tags',
  url: 'https://example.com',
  baseUrl: '/',
  presets: [['@docusaurus/preset-classic', { docs: { onInlineTags: 'throw' }, blog: false }]],
};
