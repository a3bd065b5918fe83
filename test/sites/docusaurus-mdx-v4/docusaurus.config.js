// MDX 1's syntax (HTML comments, `{#id}` in headings, `:::note Title`) no longer read, as with the
// create-docusaurus template's `future: { v4: true }`. That one also turns on Docusaurus Faster,
// which needs the @docusaurus/faster package the harness does not install: its MDX flag alone.
export default {
  title: 'docusaurus-mdx-v4',
  url: 'https://example.com',
  baseUrl: '/',
  future: { v4: { mdx1CompatDisabledByDefault: true } },
  presets: [['@docusaurus/preset-classic', { docs: {}, blog: false }]],
};
