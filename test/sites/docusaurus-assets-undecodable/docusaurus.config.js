module.exports = {
  title: 'Bilder',
  url: 'https://example.com',
  baseUrl: '/',
  presets: [['classic', { docs: {}, blog: false, theme: {} }]],
};
