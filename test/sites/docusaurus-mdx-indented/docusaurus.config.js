// MDX reads no indented code: a line indented four blanks is text there, with its links and images,
// and a fence indented so is a fence. A page compiled as CommonMark (`mdx.format: md`) reads the
// same line as code.
module.exports = {
  title: 'MDX indented',
  url: 'https://example.com',
  baseUrl: '/',
  presets: [['@docusaurus/preset-classic', { docs: {}, blog: false }]],
};
