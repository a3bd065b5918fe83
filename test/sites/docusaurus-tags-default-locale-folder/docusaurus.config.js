// The default locale's translated folder holds a tags file of its own: Docusaurus reads it before
// the docs folder's in the English build (getDataFilePath, the translated folder first), so the
// tag it declares is known, though docs/tags.yml does not declare it: the build passes.
module.exports = {
  title: 'Schlagwortdatei im Ordner der Standardsprache',
  url: 'https://example.com',
  baseUrl: '/',
  presets: [['@docusaurus/preset-classic', { docs: { sidebarPath: false, onInlineTags: 'throw' }, blog: false }]],
};
