// Links on a site served below a base URL: one to the base URL without its final slash (`/base`)
// is the base URL, as Docusaurus's `withBaseUrl` makes it; a link from the root gets the base URL
// put in front where it does not start with it.
module.exports = {
  title: 'Base URL',
  url: 'https://example.com',
  baseUrl: '/base/',
  presets: [['@docusaurus/preset-classic', { docs: {}, blog: false }]],
};
