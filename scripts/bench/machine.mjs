// Facts about the machine a benchmark runs on, and how busy other processes keep it.
import { readFileSync } from 'node:fs';
import * as os from 'node:os';
import { performance } from 'node:perf_hooks';

const now = () => performance.now();
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Share of all CPUs busy over the next second, from /proc/stat (NaN where there is none). */
export async function cpuBusy() {
  const read = () => {
    try {
      const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
      return { idle: fields[3] + fields[4], total: fields.reduce((sum, value) => sum + value, 0) };
    } catch {
      return undefined;
    }
  };
  const first = read();
  await sleep(1000);
  const second = read();
  if (!first || !second) return NaN;
  return 1 - (second.idle - first.idle) / Math.max(1, second.total - first.total);
}

/** CPU seconds all processes have used so far (user + system + ...), from /proc/stat. */
export function machineBusySeconds() {
  try {
    const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    return (fields.reduce((sum, value) => sum + value, 0) - fields[3] - fields[4]) / 100;
  } catch {
    return NaN;
  }
}
export const ownCpuSeconds = () => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1e6;
};

/** Waits until other processes leave the CPUs mostly idle (< 15% busy), at most that long. */
export async function waitForQuiet(seconds, report) {
  const started = now();
  let busy = await cpuBusy();
  while (seconds > 0 && busy > 0.15 && now() - started < seconds * 1000) {
    report(`CPUs ${(busy * 100).toFixed(0)}% busy with other work; waiting`);
    await sleep(2000);
    busy = await cpuBusy();
  }
  return busy;
}

export function machine() {
  const cpus = os.cpus();
  let quota = '';
  try {
    const [max, period] = readFileSync('/sys/fs/cgroup/cpu.max', 'utf8').trim().split(' ');
    if (max !== 'max') quota = `, cgroup CPU quota ${(Number(max) / Number(period)).toFixed(1)}`;
  } catch {
    // no cgroup v2 quota
  }
  const speed = cpus[0]?.speed ? ` (${cpus[0].speed} MHz)` : '';
  return `${cpus.length} × ${cpus[0]?.model.trim()}${speed}${quota}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, ${os.type()} ${os.release()}, Node ${process.version}`;
}

