/** Seeded randomness and the real glossaries, shared by the fuzz and property tests. */
import * as fs from 'node:fs';
import * as path from 'node:path';

const REPO_ROOT = path.resolve(__dirname, '..', '..');

function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a, to derive one seed per case from the master seed. */
export function hash32(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return hash;
}

export class Random {
  private readonly next: () => number;
  constructor(readonly seed: number) {
    this.next = mulberry32(seed);
  }
  float(): number {
    return this.next();
  }
  int(bound: number): number {
    return Math.floor(this.next() * bound);
  }
  between(min: number, max: number): number {
    return min + this.int(max - min + 1);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }
  subset<T>(items: readonly T[], max = items.length): T[] {
    const count = this.int(Math.min(max, items.length) + 1);
    const pool = [...items];
    const chosen: T[] = [];
    for (let i = 0; i < count; i++) chosen.push(pool.splice(this.int(pool.length), 1)[0]);
    return chosen;
  }
}

export function masterSeed(variable: string, defaultSeed: number): number {
  const given = process.env[variable];
  if (given === 'random') return (Math.random() * 2 ** 32) >>> 0;
  if (given !== undefined && given !== '') return Number(given) >>> 0;
  return defaultSeed;
}

/** Real glossary files: the demo content and the shared corpora. */
export function loadCorpus(): string[] {
  const folders = [path.join(REPO_ROOT, 'content'), path.join(REPO_ROOT, 'test', 'corpora')];
  const texts: string[] = [];
  for (const folder of folders) {
    if (!fs.existsSync(folder)) continue;
    for (const file of fs.readdirSync(folder, { recursive: true, encoding: 'utf8' }).sort()) {
      if (!/\.(mdx?|ya?ml)$/i.test(file)) continue;
      const full = path.join(folder, file);
      if (fs.statSync(full).isFile()) texts.push(fs.readFileSync(full, 'utf8'));
    }
  }
  return texts;
}

