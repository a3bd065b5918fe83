// Plugins the configuration defines as functions that only configure the build (farm's Tailwind
// and PostCSS plugins, mittwald's webpack fallbacks): they make no routes, so a link to a
// top-level route no plugin makes is broken, and fails the build.
function tailwindPlugin() {
  return {
    name: 'tailwind',
    configurePostCss(options) {
      return options;
    },
  };
}

const webpackPlugin = () => ({
  name: 'webpack-extra',
  configureWebpack() {
    return {};
  },
});

module.exports = {
  title: 'Plugin functions',
  url: 'https://example.com',
  baseUrl: '/',
  presets: [['@docusaurus/preset-classic', { docs: { sidebarPath: false }, blog: false }]],
  plugins: [
    tailwindPlugin,
    webpackPlugin,
    async function headTags() {
      return {
        name: 'head-tags',
        injectHtmlTags() {
          return { headTags: [] };
        },
      };
    },
    [
      function withOptions(context, options) {
        return { name: 'with-options', getClientModules: () => [] };
      },
      { colour: 'green' },
    ],
  ],
};
