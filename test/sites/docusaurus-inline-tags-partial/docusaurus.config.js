// onInlineTags: 'throw', and an undeclared tag in a partial (an `_` file), which the docs plugin does not read: the build passes (test/sites/README.md).
module.exports = { title: 'Teil', url: 'https://example.com', baseUrl: '/', presets: [['@docusaurus/preset-classic', { docs: { onInlineTags: 'throw' }, blog: false }]] };
