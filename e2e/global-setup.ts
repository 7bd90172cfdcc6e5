import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/**
 * The browser tests drive Debian's Chromium. On a fresh machine it is installed here, once, before
 * any test file starts (the machine runs as root; CHROMIUM_PATH points elsewhere to skip this).
 */
export default function setup(): void {
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (existsSync(path)) return;
  if (process.env.CHROMIUM_PATH) throw new Error(`CHROMIUM_PATH=${path} does not exist`);
  console.log('[e2e] /usr/bin/chromium is missing: installing it with apt-get (a few minutes)…');
  const sudo = typeof process.getuid === 'function' && process.getuid() !== 0 ? 'sudo ' : '';
  execSync(`${sudo}apt-get update && ${sudo}apt-get install -y --no-install-recommends chromium`, {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    timeout: 15 * 60_000,
  });
  if (!existsSync(path)) throw new Error(`installing chromium did not produce ${path}`);
}
