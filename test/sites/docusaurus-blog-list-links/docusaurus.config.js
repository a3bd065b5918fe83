// Relative URLs in blog posts: Docusaurus leaves `./p01` a URL, read from the page that shows it.
// From the post `/blog/p05` it leads to `/blog/p01`; the lists of posts show each post up to its
// truncate marker (all of a post without one), and from `/blog` it leads to `/p01`, from
// `/blog/page/2` to `/blog/page/p01`, from a tag's list to `/blog/tags/p01`: broken there, and the
// build fails. Two posts to a page; an unlisted post is on no list.
module.exports = {
  title: 'Blog-Listen',
  url: 'https://example.com',
  baseUrl: '/',
  presets: [['@docusaurus/preset-classic', { docs: { sidebarPath: false }, blog: { postsPerPage: 2 } }]],
};
