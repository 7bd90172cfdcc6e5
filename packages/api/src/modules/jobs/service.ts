import { jobRuns, jobs } from '@kapas/db';
import { count, desc, eq } from 'drizzle-orm';
import type { Actor, Deps, RequestMeta } from '../../context';
import { DomainError } from '../../errors';
import { offsetOf, type Page, type PageInput } from '../../shared/pagination';
import { transact } from '../../shared/transact';
import { appendAudit } from '../audit/append';
import { nextRun } from './cron';
import type { JobDefinition } from './definitions';
import { ensureJobRows, type JobRunRow, runJobNow } from './run';
import { jobRuntimeOf } from './runtime';

export type JobRunView = {
  id: string;
  jobName: string;
  trigger: string;
  status: string;
  instance: string;
  output: Record<string, unknown> | null;
  error: string | null;
  startedAt: string;
  finishedAt: string | null;
};

export type JobView = {
  name: string;
  schedule: string;
  description: string;
  frequent: boolean;
  enabled: boolean;
  lastRunAt: string | null;
  nextRunAt: string | null;
  lastRun: JobRunView | null;
};

const toRunView = (r: JobRunRow): JobRunView => ({
  id: r.id,
  jobName: r.jobName,
  trigger: r.trigger,
  status: r.status,
  instance: r.instance,
  output: r.output,
  error: r.error,
  startedAt: r.startedAt,
  finishedAt: r.finishedAt,
});

function definition(deps: Deps, name: string): JobDefinition {
  const def = jobRuntimeOf(deps).jobs.find((j) => j.name === name);
  if (!def) throw new DomainError('NOT_FOUND', 'Job not found.');
  return def;
}

/** Every job this server knows, with its row (enabled, times) and its newest run. */
export async function listJobs(deps: Deps): Promise<JobView[]> {
  const defs = jobRuntimeOf(deps).jobs;
  const rows = new Map((await deps.db.select().from(jobs)).map((j) => [j.name, j]));
  const now = deps.clock();
  const out: JobView[] = [];
  for (const def of defs) {
    const row = rows.get(def.name);
    const [last] = await deps.db
      .select()
      .from(jobRuns)
      .where(eq(jobRuns.jobName, def.name))
      .orderBy(desc(jobRuns.startedAt))
      .limit(1);
    out.push({
      name: def.name,
      schedule: def.schedule,
      description: def.description,
      frequent: def.frequent === true,
      enabled: row?.enabled ?? true,
      lastRunAt: row?.lastRunAt ?? null,
      nextRunAt: def.frequent ? null : (row?.nextRunAt ?? nextRun(def.schedule, now).toISOString()),
      lastRun: last ? toRunView(last) : null,
    });
  }
  return out;
}

export async function listRuns(deps: Deps, input: PageInput & { job: string }): Promise<Page<JobRunView>> {
  definition(deps, input.job);
  const where = eq(jobRuns.jobName, input.job);
  const [rows, [total]] = await Promise.all([
    deps.db.select().from(jobRuns).where(where).orderBy(desc(jobRuns.startedAt)).limit(input.pageSize).offset(offsetOf(input)),
    deps.db.select({ n: count() }).from(jobRuns).where(where),
  ]);
  return { items: rows.map(toRunView), total: total?.n ?? 0, page: input.page, pageSize: input.pageSize };
}

/** Runs a job now on this instance and answers with the finished run (a failed run is a result, not an error). */
export async function runNow(deps: Deps, meta: RequestMeta, actor: Actor, name: string): Promise<JobRunView> {
  const runtime = jobRuntimeOf(deps);
  return toRunView(await runJobNow(deps, definition(deps, name), runtime.instance, actor, meta));
}

export async function setEnabled(
  deps: Deps,
  meta: RequestMeta,
  actor: Actor,
  input: { name: string; enabled: boolean },
): Promise<{ name: string; enabled: boolean }> {
  const def = definition(deps, input.name);
  const now = deps.clock();
  await ensureJobRows(deps.db, [def], now);
  await transact(deps, async (tx) => {
    const [before] = await tx.select().from(jobs).where(eq(jobs.name, def.name)).for('update');
    await tx
      .update(jobs)
      .set({
        enabled: input.enabled,
        // Re-enabling starts from the next slot instead of catching up on everything missed.
        ...(input.enabled && !before?.enabled ? { nextRunAt: nextRun(def.schedule, now).toISOString() } : {}),
        updatedAt: now.toISOString(),
      })
      .where(eq(jobs.name, def.name));
    await appendAudit(
      tx,
      { actor, meta, now },
      {
        action: 'job.set_enabled',
        entityType: 'job',
        entityId: null,
        oldValues: { job: def.name, enabled: before?.enabled ?? true },
        newValues: { job: def.name, enabled: input.enabled },
      },
    );
  });
  return { name: def.name, enabled: input.enabled };
}
