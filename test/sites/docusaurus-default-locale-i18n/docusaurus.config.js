// Translations into the default locale (`i18n/en/…` where `en` is the default, as in rocketmq's
// site): the build reads each in place of its original, docs, blog posts and pages alike; the
// originals are neither built nor checked, and a link to an original's file finds no page.
module.exports = {
  title: 'Default locale translated',
  url: 'https://example.com',
  baseUrl: '/',
  presets: [['@docusaurus/preset-classic', { docs: {}, blog: { onUntruncatedBlogPosts: 'ignore' } }]],
};
