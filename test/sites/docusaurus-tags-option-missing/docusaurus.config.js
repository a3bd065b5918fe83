// The docs plugin's `tags` option names a file that is not there: Docusaurus refuses to build
// ("No tags file 'themen.yml' could be found"). The blog reads no tags file (`tags: null`): its
// own tags.yml declares nothing, and the post's undeclared tag is no problem.
module.exports = {
  title: 'Fehlende Schlagwortdatei',
  url: 'https://example.com',
  baseUrl: '/',
  presets: [['@docusaurus/preset-classic', { docs: { sidebarPath: false, tags: 'themen.yml', onInlineTags: 'throw' }, blog: { tags: null, onInlineTags: 'throw' } }]],
};
