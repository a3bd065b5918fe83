// The theme's `<TabItem>` where no `<Tabs>` holds it (streampark's docs): its render fails, and so
// does the build. One in `<Tabs>`, or in a component of the page's that renders one, renders.
// A `<Tabs>` refused by its own checks fails too: a paragraph or a tab without a value among its
// tabs, two tabs of one value, no tab, a `defaultValue` no tab has, `queryString` without `groupId`.
module.exports = {
  title: 'Tabs',
  url: 'https://example.com',
  baseUrl: '/',
  presets: [['@docusaurus/preset-classic', { docs: {}, blog: false }]],
};
