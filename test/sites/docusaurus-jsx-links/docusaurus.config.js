// Links that Docusaurus's `<Link>` component collects for its broken-link check, in MDX docs, a
// blog post and a Markdown page: `to` and `href`, strings and expressions, relative paths resolved
// against the page's route and never as Markdown files (`./a.md`), anchors; not an element with
// `data-noBrokenLinkCheck` or `target="_blank"`, a plain `<a href>`, code or MDX comments.
module.exports = {
  title: 'JSX links',
  url: 'https://example.com',
  baseUrl: '/',
  presets: [['@docusaurus/preset-classic', { docs: {}, blog: {} }]],
};
