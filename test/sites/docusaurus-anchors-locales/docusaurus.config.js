// Anchors of pages built in a locale they have no translation into (karmada's and socket.io's sites).
module.exports = {
  title: 'Anker',
  url: 'https://example.org',
  baseUrl: '/',
  i18n: { defaultLocale: 'en', locales: ['en', 'fr'] },
  presets: [['classic', { docs: {}, blog: { onUntruncatedBlogPosts: 'ignore' } }]],
};
