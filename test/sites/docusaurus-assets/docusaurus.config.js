// Images and links to files that are no pages, as Docusaurus's MDX loader looks for their files,
// with a second static folder and a German translation (test/sites/README.md).
module.exports = {
  title: 'Dateien',
  url: 'https://example.com',
  baseUrl: '/',
  i18n: { defaultLocale: 'en', locales: ['en', 'de'] },
  staticDirectories: ['static', 'public'],
  presets: [['classic', { docs: {}, blog: false, theme: {} }]],
};
