// Versions chosen and placed by the docs plugin's options (test/sites/README.md): the current
// version is the last one (served without a version in its path), 2.0 has a path of its own, 1.0 is
// left out by onlyIncludeVersions, and 0.9 is no version of versions.json.
module.exports = {
  title: 'Versions',
  url: 'https://example.com',
  baseUrl: '/',
  presets: [
    [
      '@docusaurus/preset-classic',
      { docs: { lastVersion: 'current', onlyIncludeVersions: ['current', '2.0'], versions: { '2.0': { path: 'zwei' } } }, blog: false },
    ],
  ],
};
