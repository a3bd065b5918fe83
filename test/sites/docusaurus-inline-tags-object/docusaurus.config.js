// onInlineTags: 'throw', and a tag written as an object, which is never a tags file's: the build fails (test/sites/README.md).
module.exports = { title: 'Objekt', url: 'https://example.com', baseUrl: '/', presets: [['@docusaurus/preset-classic', { docs: { onInlineTags: 'throw' }, blog: false }]] };
