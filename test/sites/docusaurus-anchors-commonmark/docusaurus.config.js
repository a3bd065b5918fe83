// Ids of HTML elements on pages compiled as CommonMark (`markdown.format: 'detect'`, casdoor's
// `### Production mode <span id="production-mode"></span>`): rehype-raw makes elements of them, and the
// theme's MDX components render some (`a`, `details`, `h2`…`h6`), which collect their ids; a plain
// element's id (`span`, `div`, `p`) is no anchor Docusaurus knows, and a link to it is broken.
module.exports = {
  title: 'CommonMark-Anker',
  url: 'https://example.com',
  baseUrl: '/',
  markdown: { format: 'detect' },
  presets: [['@docusaurus/preset-classic', { docs: { sidebarPath: false }, blog: false }]],
};
