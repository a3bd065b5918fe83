// A tag's list of one post to a page: the older post is on `/blog/tags/alpha/page/2`, where
// `../../docs/intro` leads to `/blog/tags/docs/intro`, below the folder of tags, where no list is.
module.exports = {
  title: 'Seiten der Schlagwortlisten',
  url: 'https://example.com',
  baseUrl: '/',
  presets: [['@docusaurus/preset-classic', { docs: { sidebarPath: false }, blog: { postsPerPage: 1 } }]],
};
