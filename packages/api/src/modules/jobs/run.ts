import { type DbOrTx, jobRuns, jobs } from '@kapas/db';
import { and, eq, gt, sql } from 'drizzle-orm';
import type { Actor, Deps, RequestMeta } from '../../context';
import { DomainError } from '../../errors';
import { transact } from '../../shared/transact';
import { appendAudit } from '../audit/append';
import { nextRun } from './cron';
import type { JobDefinition } from './definitions';

/** Advisory-lock namespace of job claims (the second key is hashtext(job name)). */
const JOB_LOCK_NAMESPACE = 7_270_002;
/** A RUNNING row older than this is a crashed instance's leftover, not a run in progress. */
const STALE_RUN_MS = 60 * 60_000;
/** How long "run now" waits for a scheduled run of the same job to finish. */
const SCHEDULED_WAIT_MS = 15_000;

export type RunTrigger = 'SCHEDULE' | 'MANUAL';
export type JobRunRow = typeof jobRuns.$inferSelect;

/** Creates missing job rows and refreshes schedule/description (keeps `enabled` and run times). */
export async function ensureJobRows(db: DbOrTx, defs: readonly JobDefinition[], now: Date): Promise<void> {
  for (const def of defs) {
    await db
      .insert(jobs)
      .values({
        name: def.name,
        schedule: def.schedule,
        description: def.description,
        nextRunAt: nextRun(def.schedule, now).toISOString(),
        updatedAt: now.toISOString(),
      })
      .onConflictDoUpdate({ target: jobs.name, set: { schedule: def.schedule, description: def.description } });
  }
}

/**
 * Only one transaction at a time may claim a job, on any instance sharing the database: the
 * transaction-level advisory lock is released at commit, by which time the RUNNING row (or the
 * advanced next_run_at) makes every later claimer stand down. Works on PGlite as on PostgreSQL.
 */
async function tryLock(tx: DbOrTx, name: string): Promise<boolean> {
  const [row] = await tx
    .select({ locked: sql<boolean>`pg_try_advisory_xact_lock(${JOB_LOCK_NAMESPACE}, hashtext(${name}))` })
    .from(jobs)
    .where(eq(jobs.name, name));
  return row?.locked === true;
}

/** A person asking for a run waits for a concurrent claim (milliseconds) instead of being refused. */
async function lock(tx: DbOrTx, name: string): Promise<void> {
  await tx
    .select({ locked: sql<boolean>`pg_advisory_xact_lock(${JOB_LOCK_NAMESPACE}, hashtext(${name})) is not null` })
    .from(jobs)
    .where(eq(jobs.name, name));
}

async function runningSince(tx: DbOrTx, name: string, now: Date): Promise<JobRunRow | undefined> {
  const [row] = await tx
    .select()
    .from(jobRuns)
    .where(
      and(
        eq(jobRuns.jobName, name),
        eq(jobRuns.status, 'RUNNING'),
        gt(jobRuns.startedAt, new Date(now.getTime() - STALE_RUN_MS).toISOString()),
      ),
    )
    .limit(1);
  return row;
}

async function openRun(tx: DbOrTx, name: string, trigger: RunTrigger, instance: string, now: Date, userId: string | null) {
  const [run] = await tx
    .insert(jobRuns)
    .values({ jobName: name, trigger, status: 'RUNNING', instance, startedAt: now.toISOString(), triggeredByUserId: userId })
    .returning();
  return run!;
}

/** Claims the current schedule slot of a due job; null when not due, disabled, busy or claimed elsewhere. */
async function claimScheduled(deps: Deps, def: JobDefinition, instance: string, now: Date): Promise<JobRunRow | null> {
  // Cheap look first, so idle ticks do not take locks at all.
  const [peek] = await deps.db.select().from(jobs).where(eq(jobs.name, def.name));
  if (!peek?.enabled || !peek.nextRunAt || new Date(peek.nextRunAt) > now) return null;
  return transact(deps, async (tx) => {
    if (!(await tryLock(tx, def.name))) return null;
    const [job] = await tx.select().from(jobs).where(eq(jobs.name, def.name));
    if (!job?.enabled || !job.nextRunAt || new Date(job.nextRunAt) > now) return null;
    if (await runningSince(tx, def.name, now)) return null;
    await tx
      .update(jobs)
      .set({ lastRunAt: now.toISOString(), nextRunAt: nextRun(job.schedule, now).toISOString() })
      .where(eq(jobs.name, def.name));
    return openRun(tx, def.name, 'SCHEDULE', instance, now, null);
  });
}

/** Claims a manual run; refuses (CONFLICT) while the job is running anywhere. Audited. */
async function claimManual(deps: Deps, def: JobDefinition, instance: string, actor: Actor, meta: RequestMeta, now: Date) {
  return transact(deps, async (tx) => {
    await lock(tx, def.name);
    const busy = await runningSince(tx, def.name, now);
    if (busy) {
      throw new DomainError('CONFLICT', `${def.name} is already running (started ${busy.startedAt} on ${busy.instance}).`, {
        state: 'RUNNING',
      });
    }
    await tx.update(jobs).set({ lastRunAt: now.toISOString() }).where(eq(jobs.name, def.name));
    const run = await openRun(tx, def.name, 'MANUAL', instance, now, actor.userId);
    await appendAudit(
      tx,
      { actor, meta, now },
      { action: 'job.run', entityType: 'job', entityId: null, newValues: { job: def.name, runId: run.id } },
    );
    return run;
  });
}

/** Does the work of a claimed run and records how it ended (a failure is recorded, not thrown). */
async function execute(deps: Deps, def: JobDefinition, run: JobRunRow, now: Date): Promise<JobRunRow> {
  let result: { status: 'SUCCEEDED' | 'FAILED'; output: Record<string, unknown> | null; error: string | null };
  try {
    result = { status: 'SUCCEEDED', output: await def.run(deps, now), error: null };
  } catch (e) {
    result = { status: 'FAILED', output: null, error: (e instanceof Error ? e.message : String(e)).slice(0, 2000) };
  }
  const [done] = await deps.db
    .update(jobRuns)
    .set({ ...result, finishedAt: deps.clock().toISOString() })
    .where(eq(jobRuns.id, run.id))
    .returning();
  return done!;
}

/** Runs every due scheduled job this instance can claim; returns the runs it executed. */
export async function runDueJobs(deps: Deps, defs: readonly JobDefinition[], instance: string): Promise<JobRunRow[]> {
  const done: JobRunRow[] = [];
  for (const def of defs) {
    if (def.frequent) continue;
    const now = deps.clock();
    const run = await claimScheduled(deps, def, instance, now);
    if (run) done.push(await execute(deps, def, run, now));
  }
  return done;
}

/** A manual run, recorded with trigger MANUAL and the user who asked. */
export async function runJobNow(
  deps: Deps,
  def: JobDefinition,
  instance: string,
  actor: Actor,
  meta: RequestMeta,
): Promise<JobRunRow> {
  await ensureJobRows(deps.db, [def], deps.clock());
  // A scheduled run in progress is waited for (briefly) rather than refused: "run now" then means
  // "run once more after it"; someone else's manual run is refused at once.
  const waitUntil = Date.now() + SCHEDULED_WAIT_MS;
  for (;;) {
    const now = deps.clock();
    const busy = await runningSince(deps.db, def.name, now);
    if (busy?.trigger !== 'SCHEDULE' || Date.now() > waitUntil) {
      const run = await claimManual(deps, def, instance, actor, meta, now);
      return execute(deps, def, run, now);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** One loop run of a frequent job: recorded only when it fails, so job_runs is not flooded. */
export async function runFrequent(deps: Deps, def: JobDefinition, instance: string): Promise<void> {
  const [job] = await deps.db.select({ enabled: jobs.enabled }).from(jobs).where(eq(jobs.name, def.name));
  if (job && !job.enabled) return;
  const now = deps.clock();
  try {
    await def.run(deps, now);
  } catch (e) {
    await deps.db.insert(jobRuns).values({
      jobName: def.name,
      trigger: 'SCHEDULE',
      status: 'FAILED',
      instance,
      error: (e instanceof Error ? e.message : String(e)).slice(0, 2000),
      startedAt: now.toISOString(),
      finishedAt: deps.clock().toISOString(),
    });
    throw e;
  }
}
