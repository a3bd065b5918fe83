// The ids of headings whose text holds emphasis with `_`, brackets of no link, escapes and character
// references (jest's `### \`testEnvironment\` \[string]`, redux's `_must_`): each has an id Docusaurus
// slugs from the heading's text, and a link to an anchor none of them has is broken.
module.exports = {
  title: 'Ankertexte',
  url: 'https://example.com',
  baseUrl: '/',
  presets: [['@docusaurus/preset-classic', { docs: { sidebarPath: false }, blog: false }]],
};
