import GithubSlugger from 'github-slugger';

// github-slugger and its table of Unicode ranges, in a bundle of its own (dist/headingSlugs.js, see
// esbuild.mjs): only links to anchors need it, and each of the server, CLI and library bundles would hold a copy.

/** A slugger for one page: GitHub's slugs, numbered where one repeats, as Docusaurus's heading plugin makes them. */
export function pageSlugger(): { slug(text: string, maintainCase: boolean): string } {
  return new GithubSlugger();
}
