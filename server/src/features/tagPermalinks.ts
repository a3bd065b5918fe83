// lodash's `kebabCase` and `deburr`, in a bundle of their own (dist/tagPermalinks.js, see
// esbuild.mjs): only a generated tags file needs them, and three bundles would each hold a copy.
export { default as deburr } from 'lodash/deburr';
export { default as kebabCase } from 'lodash/kebabCase';
