// Go's regular expressions as RE2 reads them (re2js), in a bundle of its own (dist/re2.js, see
// esbuild.mjs): only a Hugo site's `ignoreFiles` needs it, and three bundles would each hold a copy.
export { RE2JS } from 're2js';
