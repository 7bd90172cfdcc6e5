import { API_JOBS, type JobRunRow, nextRun, runDueJobs } from '@kapas/api';
import type { KapasClient } from '@kapas/client';
import {
  approvalRequests,
  auditLog,
  type DatabaseHandle,
  dbEnv,
  jobRuns,
  jobs,
  notifications,
  openDatabase,
  users,
} from '@kapas/db';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../src/logger';
import { type RunningServer, startServer } from '../src/server';
import { signInAs, startTestServer, type TestServer, testServerConfig } from '../src/testing';
import { openRequest, roleChange, userIdOf } from './approvals-fixtures';
import { failure } from './helpers';

/** The scheduled job runner and its API (jobs.*). */
let server: TestServer;
let ops: KapasClient;
let support: KapasClient;

beforeAll(async () => {
  server = await startTestServer();
  ops = await signInAs(server, 'ops@kapas.local');
  support = await signInAs(server, 'support@kapas.local');
});
afterAll(() => server?.stop());

const runsOf = (name: string) => server.handle.db.select().from(jobRuns).where(eq(jobRuns.jobName, name));

/** Makes a job's current schedule slot due now (as if its cron time had just passed). */
async function makeDue(name: string): Promise<void> {
  await server.handle.db
    .update(jobs)
    .set({ nextRunAt: new Date(Date.now() - 1_000).toISOString() })
    .where(eq(jobs.name, name));
}

describe('jobs API', () => {
  it('lists every job with its schedule, state and next run', async () => {
    const list = await ops.jobs.list.query();
    expect(list.map((j) => j.name).sort()).toEqual(
      [
        'approval-expiry',
        'certification-expiry',
        'deliver-messages',
        'kyc-reminders',
        'notification-digest',
        'sweep-sessions',
        'trade-desk-expiry',
      ].sort(),
    );
    const digest = list.find((j) => j.name === 'notification-digest')!;
    expect(digest).toMatchObject({ schedule: '30 2 * * *', enabled: true, frequent: false });
    expect(new Date(digest.nextRunAt!).getTime()).toBeGreaterThan(Date.now());
    expect(list.find((j) => j.name === 'deliver-messages')).toMatchObject({ frequent: true, nextRunAt: null });
    expect((await failure(support.jobs.list.query())).code).toBe('FORBIDDEN');
  });

  it('runNow runs the job, records the run with its instance and audits who asked', async () => {
    const run = await ops.jobs.runNow.mutate({ name: 'kyc-reminders' });
    expect(run).toMatchObject({ jobName: 'kyc-reminders', trigger: 'MANUAL', status: 'SUCCEEDED' });
    expect(run.instance).toMatch(/:/);
    expect(run.finishedAt).not.toBeNull();
    const page = await ops.jobs.runs.query({ job: 'kyc-reminders' });
    expect(page.items[0]).toMatchObject({ id: run.id, status: 'SUCCEEDED', output: run.output });
    const [audit] = await server.handle.db.select().from(auditLog).where(eq(auditLog.action, 'job.run'));
    expect(audit?.newValues).toMatchObject({ job: 'kyc-reminders', runId: run.id });
    expect((await ops.jobs.list.query()).find((j) => j.name === 'kyc-reminders')?.lastRun?.id).toBe(run.id);
    expect((await failure(ops.jobs.runNow.mutate({ name: 'no-such-job' }))).code).toBe('NOT_FOUND');
    expect((await failure(support.jobs.runNow.mutate({ name: 'kyc-reminders' }))).code).toBe('FORBIDDEN');
  });

  it('refuses a manual run while another manual run is in progress', async () => {
    const [busy] = await server.handle.db
      .insert(jobRuns)
      .values({
        jobName: 'certification-expiry',
        trigger: 'MANUAL',
        status: 'RUNNING',
        instance: 'other',
        startedAt: new Date().toISOString(),
      })
      .returning();
    const f = await failure(ops.jobs.runNow.mutate({ name: 'certification-expiry' }));
    expect(f.code).toBe('CONFLICT');
    expect(f.message).toMatch(/already running/);
    await server.handle.db.update(jobRuns).set({ status: 'SUCCEEDED' }).where(eq(jobRuns.id, busy!.id));
    expect(await ops.jobs.runNow.mutate({ name: 'certification-expiry' })).toMatchObject({ status: 'SUCCEEDED' });
  });

  it('waits for a scheduled run in progress, then runs', async () => {
    const [scheduled] = await server.handle.db
      .insert(jobRuns)
      .values({
        jobName: 'kyc-reminders',
        trigger: 'SCHEDULE',
        status: 'RUNNING',
        instance: 'other',
        startedAt: new Date().toISOString(),
      })
      .returning();
    const finish = new Promise<void>((resolve) =>
      setTimeout(() => {
        void server.handle.db
          .update(jobRuns)
          .set({ status: 'SUCCEEDED', finishedAt: new Date().toISOString() })
          .where(eq(jobRuns.id, scheduled!.id))
          .then(() => resolve());
      }, 700),
    );
    const run = await ops.jobs.runNow.mutate({ name: 'kyc-reminders' });
    await finish;
    expect(run).toMatchObject({ status: 'SUCCEEDED', trigger: 'MANUAL' });
    expect(Date.parse(run.startedAt)).toBeGreaterThanOrEqual(Date.parse(scheduled!.startedAt) + 600);
  });

  it('a disabled job is skipped by the scheduler until enabled again', async () => {
    await ops.jobs.setEnabled.mutate({ name: 'trade-desk-expiry', enabled: false });
    await makeDue('trade-desk-expiry');
    const before = (await runsOf('trade-desk-expiry')).length;
    await runDueJobs(server.deps, API_JOBS, 'test');
    expect(await runsOf('trade-desk-expiry')).toHaveLength(before);
    expect((await ops.jobs.list.query()).find((j) => j.name === 'trade-desk-expiry')?.enabled).toBe(false);
    await ops.jobs.setEnabled.mutate({ name: 'trade-desk-expiry', enabled: true });
    const [row] = await server.handle.db.select().from(jobs).where(eq(jobs.name, 'trade-desk-expiry'));
    // Re-enabling resumes at the next slot rather than catching up.
    expect(new Date(row!.nextRunAt!).getTime()).toBeGreaterThan(Date.now());
  });
});

describe('several instances on one database', () => {
  let second: RunningServer;
  let secondHandle: DatabaseHandle | null = null;
  beforeAll(async () => {
    // PostgreSQL: a real second instance with its own connection pool on the same database.
    // PGlite is embedded in this process and cannot be opened twice, so the second server shares
    // the handle; the claim (lock + slot + RUNNING row) is the same code on both.
    let handle: DatabaseHandle = server.handle;
    if (server.handle.kind === 'postgres' && dbEnv.TEST_DATABASE_URL) {
      const [row] = await server.handle.db.select({ name: sql<string>`current_database()` }).from(users).limit(1);
      const url = new URL(dbEnv.TEST_DATABASE_URL);
      url.pathname = `/${row!.name}`;
      secondHandle = await openDatabase({ url: url.toString(), maxConnections: 10 });
      handle = secondHandle;
    }
    const config = testServerConfig();
    second = await startServer(handle, config, createLogger('silent'));
  });
  afterAll(async () => {
    await second?.close();
    await secondHandle?.close();
  });

  it('a due job triggered on both instances at the same moment runs exactly once', async () => {
    const opsId = await userIdOf(server, 'ops@kapas.local');
    const auditorId = await userIdOf(server, 'auditor@kapas.local');
    const startedAfter = new Date().toISOString();
    const req = await openRequest(server, roleChange(auditorId, ['AUDITOR'], ['AUDITOR'], opsId));
    await server.handle.db
      .update(approvalRequests)
      .set({ expiresAt: new Date(Date.now() - 60_000).toISOString() })
      .where(eq(approvalRequests.id, req.id));
    await makeDue('approval-expiry');
    // Both instances' schedulers also tick every second; whoever claims the slot first runs it.
    const direct: JobRunRow[][] = await Promise.all([
      runDueJobs(server.deps, API_JOBS, 'instance-a'),
      runDueJobs(second.deps, API_JOBS, 'instance-b'),
      runDueJobs(server.deps, API_JOBS, 'instance-a2'),
      runDueJobs(second.deps, API_JOBS, 'instance-b2'),
    ]);
    expect(direct.flat().filter((r) => r.jobName === 'approval-expiry').length).toBeLessThanOrEqual(1);
    await new Promise((r) => setTimeout(r, 2_500));
    const scheduled = (await runsOf('approval-expiry'))
      .filter((r) => r.trigger === 'SCHEDULE' && new Date(r.startedAt) >= new Date(startedAfter))
      .sort((x, y) => Date.parse(x.startedAt) - Date.parse(y.startedAt));
    // Only the slot we made due counts: a natural */15 slot could legitimately start during the wait.
    const slotEnd = nextRun('*/15 * * * *', new Date(scheduled[0]?.startedAt ?? Date.now()));
    const runs = scheduled.filter((r) => new Date(r.startedAt) < slotEnd);

    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ status: 'SUCCEEDED', output: { expired: 1 } });
    const [after] = await server.handle.db.select().from(approvalRequests).where(eq(approvalRequests.id, req.id));
    expect(after?.status).toBe('EXPIRED');
    const told = await server.handle.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, opsId), eq(notifications.kind, 'approval.expired')));
    expect(told.filter((n) => n.data.approvalId === req.id)).toHaveLength(1);
    const [job] = await server.handle.db.select().from(jobs).where(eq(jobs.name, 'approval-expiry'));
    expect(new Date(job!.nextRunAt!).getTime()).toBeGreaterThan(Date.now());
  });
});
