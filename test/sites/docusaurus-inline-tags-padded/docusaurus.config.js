// onInlineTags: 'throw', and a declared tag with a blank after it, which Docusaurus looks up as written: the build fails (test/sites/README.md).
module.exports = { title: 'Leerzeichen', url: 'https://example.com', baseUrl: '/', presets: [['@docusaurus/preset-classic', { docs: { onInlineTags: 'throw' }, blog: false }]] };
