/**
 * A private PostgreSQL 15 instance for tests that must restart or stop the database (R7): the
 * machine's shared server on 5432 cannot be restarted while other tests use it. initdb and
 * pg_ctl refuse to run as root, so they run as `postgres` over a directory it owns
 * (STACK-NOTES 15). Durability is switched off: the data is thrown away afterwards.
 */
import { execFile } from 'node:child_process';
import { chown, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const BIN = '/usr/lib/postgresql/15/bin';

export type PrivatePostgres = { url: string; restart(): Promise<void>; stop(): Promise<void> };

async function asPostgres(args: string[]): Promise<void> {
  const root = process.getuid?.() === 0;
  const [cmd, ...rest] = root ? ['runuser', '-u', 'postgres', '--', ...args] : args;
  await run(cmd!, rest, { timeout: 60_000 });
}

export async function startPrivatePostgres(port: number): Promise<PrivatePostgres> {
  const dir = await mkdtemp(join(tmpdir(), 'kapas-pg-'));
  if (process.getuid?.() === 0) {
    const { stdout } = await run('id', ['-u', 'postgres']);
    const { stdout: gid } = await run('id', ['-g', 'postgres']);
    await chown(dir, Number(stdout.trim()), Number(gid.trim()));
  }
  const data = join(dir, 'data');
  await asPostgres([`${BIN}/initdb`, '-D', data, '-U', 'postgres', '-A', 'trust', '--no-sync', '-E', 'UTF8']);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
  const pgCtl = (...args: string[]) =>
    asPostgres([`${BIN}/pg_ctl`, '-D', data, '-l', join(dir, 'log'), '-w', '-t', '60', ...args]);
  await pgCtl('-o', options, 'start');
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    restart: () => pgCtl('-o', options, '-m', 'fast', 'restart'),
    async stop() {
      await pgCtl('-m', 'immediate', 'stop').catch(() => undefined);
      await rm(dir, { recursive: true, force: true });
    },
  };
}
