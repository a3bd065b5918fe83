// A translation imports its partials from beside itself: the German one has only one of two
// (test/sites/README.md).
module.exports = {
  title: 'Übersetzte Importe',
  url: 'https://example.com',
  baseUrl: '/',
  i18n: { defaultLocale: 'en', locales: ['en', 'de'] },
  presets: [['classic', { docs: {}, blog: false, theme: {} }]],
};
