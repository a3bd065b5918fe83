// A doc built in `ja` from its English file (yew's versioned docs): its Markdown links that name a
// doc by the path below the docs folder (`sub/b.md`, `/sub/b.md`) are looked for among the `ja`
// translations first and reach the translation of `b`, whose headings give other anchors; one
// written `./sub/b.md` or `b.md` beside the file finds no doc there (a broken link in `ja`).
module.exports = {
  title: 'Anchors of translations by path',
  url: 'https://example.com',
  baseUrl: '/',
  i18n: { defaultLocale: 'en', locales: ['en', 'ja'] },
  presets: [['@docusaurus/preset-classic', { docs: {}, blog: false }]],
};
