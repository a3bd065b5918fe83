// The ids of headings that hold inline HTML or JSX (metro's `#### \`unstable_conditionNames\` <div class="label experimental">Experimental</div>`):
// Docusaurus slugs the heading's text, an element's text included and its tags left out, in MDX and
// in CommonMark alike; a link to an anchor no heading has is broken.
module.exports = {
  title: 'HTML in Überschriften',
  url: 'https://example.com',
  baseUrl: '/',
  presets: [['@docusaurus/preset-classic', { docs: { sidebarPath: false }, blog: false }]],
};
