/** Runs the bundled CLI as a user would: `dist/cli.js` in a folder, in an English locale. Build first: `node esbuild.mjs`. */
import { spawnSync } from 'node:child_process';
import { CLI_JS } from './lspClient';

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], cwd: string, env: Record<string, string> = {}, timeout = 15_000): Run {
  const result = spawnSync(process.execPath, [CLI_JS, ...args], {
    cwd,
    encoding: 'utf8',
    timeout,
    env: { ...process.env, LC_ALL: '', LC_MESSAGES: '', LANG: 'C.UTF-8', ...env },
  });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
