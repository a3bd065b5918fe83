// The theme's `<TabItem>` where no `<Tabs>` holds it (streampark's docs): its render fails, and so
// does the build. One in `<Tabs>`, or in a component of the page's that renders one, renders.
module.exports = {
  title: 'Tabs',
  url: 'https://example.com',
  baseUrl: '/',
  presets: [['@docusaurus/preset-classic', { docs: {}, blog: false }]],
};
