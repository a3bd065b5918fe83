import { load } from 'js-yaml';

// js-yaml, Docusaurus's YAML reader, in a bundle of its own (dist/jsYaml.js, see esbuild.mjs): only
// front matter with a YAML error needs it (see `yamlDiagnostics`).

/**
 * What js-yaml, with which Docusaurus reads front matter (gray-matter's), makes of a text, where the
 * YAML library finds an error (a continuation line indented with a no-break space, say); undefined
 * where it refuses it too. It builds plain data only (its default schema runs no code).
 */
export function jsYamlValue(source: string): { value: unknown } | undefined {
  try {
    return { value: load(source) };
  } catch {
    // Its own errors, and a stack overflow on nesting: either way, not read.
    return undefined;
  }
}
