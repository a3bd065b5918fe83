// Relative URLs in the part of a post the lists of its tags and authors show: a tag's list
// (`/blog/tags/alpha`) and an author's (`/blog/authors/jo`) read them from their own URLs, where
// `../docs/intro`, which leads to `/docs/intro` from the post and from `/blog`, leads to
// `/blog/docs/intro`: broken there, and the build fails. Three posts to a page.
module.exports = {
  title: 'Listen der Schlagwörter',
  url: 'https://example.com',
  baseUrl: '/',
  presets: [['@docusaurus/preset-classic', { docs: { sidebarPath: false }, blog: { postsPerPage: 3 } }]],
};
