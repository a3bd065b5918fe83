// @babel/parser, in a bundle of its own (dist/babel.js, see esbuild.mjs): a third of each bundle
// that reads a Docusaurus configuration, loaded when the first one is read.
export { parse, parseExpression } from '@babel/parser';
