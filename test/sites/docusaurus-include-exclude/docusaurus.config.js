// The docs plugin's own `include` and `exclude` (test/sites/README.md): the defaults are replaced,
// so `_` folders are read; a folder named by an `exclude` glob is skipped with all below it.
module.exports = {
  title: 'Include and exclude',
  url: 'https://example.com',
  baseUrl: '/',
  presets: [
    [
      '@docusaurus/preset-classic',
      {
        docs: {
          include: ['glossar/**/*.md', '*.md', 'Extra.mdx'],
          exclude: ['**/entwurf/**', '**/*.entwurf.md', '**/{archiv,alt}', '**/_*.md'],
        },
        blog: false,
      },
    ],
  ],
};
