import { load } from 'js-yaml';

// js-yaml, Docusaurus's YAML reader, in a bundle of its own (dist/jsYaml.js, see esbuild.mjs): only
// front matter with a YAML error needs it (see `yamlDiagnostics`).

/**
 * Whether js-yaml, with which Docusaurus reads front matter (gray-matter's), reads a text without
 * error where the YAML library does not: a continuation line indented with a no-break space, say.
 * It builds plain data only (its default schema runs no code).
 */
export function jsYamlReads(source: string): boolean {
  try {
    load(source);
    return true;
  } catch {
    // Its own errors, and a stack overflow on nesting: either way, not read.
    return false;
  }
}
