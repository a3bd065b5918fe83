/**
 * Holds code to a time linear in its input: it runs on an input of size n and of size 4n, and the
 * time may grow at most 8-fold (linear is 4-fold, quadratic 16-fold; the rest is room for noise on
 * a shared machine). Times below a floor count as the floor, so timer noise on fast runs never fails.
 */
export const MAX_GROWTH = 8;
const FLOOR_MS = 20;

export interface Growth {
  /** Milliseconds at size n and at size 4n. */
  ms: number;
  msAtFourTimes: number;
  growth: number;
}

function timeOf(run: () => void): number {
  const started = performance.now();
  run();
  return performance.now() - started;
}

/** Times `run` at size n and 4n; a growth past the limit is measured once more, so one pause of the machine does not fail it. */
export function growthOf(run: (size: number) => void, size: number): Growth {
  let ms = timeOf(() => run(size));
  let msAtFourTimes = timeOf(() => run(4 * size));
  const growth = () => msAtFourTimes / Math.max(ms, FLOOR_MS);
  if (growth() > MAX_GROWTH) {
    ms = Math.min(ms, timeOf(() => run(size)));
    msAtFourTimes = Math.min(msAtFourTimes, timeOf(() => run(4 * size)));
  }
  return { ms: Math.round(ms), msAtFourTimes: Math.round(msAtFourTimes), growth: Math.round(growth() * 10) / 10 };
}

/** A message when the time grows faster than linearly, else undefined. */
export function superLinear(what: string, size: number, growth: Growth): string | undefined {
  if (growth.growth <= MAX_GROWTH) return undefined;
  return `${what}: ${growth.ms} ms at size ${size}, ${growth.msAtFourTimes} ms at size ${4 * size} (${growth.growth}x, at most ${MAX_GROWTH}x allowed)`;
}
