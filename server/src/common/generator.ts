/** The site generators whose builds the glossary follows; the parser reads a file as its site's generator does. */
export type Generator = 'docusaurus' | 'hugo';

/** Generators by number, for sending to the parsing thread: none is 0. */
const GENERATOR_CODES: ReadonlyArray<Generator | undefined> = [undefined, 'docusaurus', 'hugo'];

export function generatorCode(generator: Generator | undefined): number {
  return GENERATOR_CODES.indexOf(generator);
}

export function generatorOfCode(code: number): Generator | undefined {
  return GENERATOR_CODES[code];
}
