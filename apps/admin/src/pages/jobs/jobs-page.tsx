import type { RouterOutputs } from '@kapas/api';
import { Badge, Button, Card, Checkbox, ErrorState, errorMessage, LoadingState, PageHeader, toast, trpc } from '@kapas/ui';
import { useState } from 'react';
import { formatDateTime, formatRelative } from '../../lib/format';
import { JobRuns } from './job-runs';

type Job = RouterOutputs['jobs']['list'][number];

function runTone(status: string | undefined): 'success' | 'danger' | 'warning' | 'neutral' {
  return status === 'SUCCEEDED' ? 'success' : status === 'FAILED' ? 'danger' : status === 'RUNNING' ? 'warning' : 'neutral';
}

/** Scheduled jobs: schedule, state, last and next run; "Run now" and the enable switch (job:manage). */
export function JobsPage() {
  const utils = trpc.useUtils();
  const [open, setOpen] = useState<string | null>(null);
  const jobs = trpc.jobs.list.useQuery(undefined, { refetchInterval: 15_000 });
  const runNow = trpc.jobs.runNow.useMutation({
    onSuccess: (run) => {
      if (run.status === 'SUCCEEDED') toast.success(`${run.jobName} finished`);
      else toast.error(`${run.jobName} failed: ${run.error ?? 'unknown error'}`);
      void utils.jobs.invalidate();
    },
    onError: (error) => toast.error(errorMessage(error)),
  });
  const setEnabled = trpc.jobs.setEnabled.useMutation({
    onSuccess: () => void utils.jobs.invalidate(),
    onError: (error) => toast.error(errorMessage(error)),
  });

  return (
    <div className="mx-auto max-w-6xl">
      <PageHeader
        title="Scheduled jobs"
        description="Background work and when it runs (times in UTC cron). Only one server runs a job at a time."
      />
      {jobs.isError ? (
        <ErrorState error={jobs.error} onRetry={() => void jobs.refetch()} />
      ) : jobs.isPending ? (
        <LoadingState />
      ) : (
        <Card className="overflow-x-auto p-0">
          <table className="w-full text-left text-sm" aria-label="Jobs">
            <thead className="bg-slate-50 text-xs font-medium tracking-wide text-slate-500 uppercase">
              <tr>
                <th className="px-4 py-2.5">Job</th>
                <th className="px-4 py-2.5">Schedule</th>
                <th className="px-4 py-2.5">Last run</th>
                <th className="px-4 py-2.5">Next run</th>
                <th className="px-4 py-2.5">Enabled</th>
                <th className="px-4 py-2.5">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {jobs.data.map((job: Job) => (
                <tr key={job.name} data-testid="job-row" data-job={job.name}>
                  <td className="px-4 py-3">
                    <button
                      type="button"
                      className="font-medium text-brand-700 hover:underline"
                      onClick={() => setOpen(open === job.name ? null : job.name)}
                    >
                      {job.name}
                    </button>
                    <div className="max-w-xs text-xs text-slate-500">{job.description}</div>
                  </td>
                  <td className="px-4 py-3 font-mono text-xs">{job.frequent ? 'every few seconds' : job.schedule}</td>
                  <td className="px-4 py-3">
                    {job.lastRun ? (
                      <div className="grid gap-0.5">
                        <Badge tone={runTone(job.lastRun.status)}>{job.lastRun.status}</Badge>
                        <span className="text-xs text-slate-500">{formatRelative(job.lastRun.startedAt)}</span>
                      </div>
                    ) : (
                      <span className="text-slate-400">—</span>
                    )}
                  </td>
                  <td className="px-4 py-3 whitespace-nowrap">{job.frequent ? '—' : formatDateTime(job.nextRunAt)}</td>
                  <td className="px-4 py-3">
                    <Checkbox
                      aria-label={`Enable ${job.name}`}
                      checked={job.enabled}
                      disabled={setEnabled.isPending}
                      onChange={(e) => setEnabled.mutate({ name: job.name, enabled: e.target.checked })}
                    />
                  </td>
                  <td className="px-4 py-3 text-right">
                    <Button
                      size="sm"
                      variant="secondary"
                      loading={runNow.isPending && runNow.variables.name === job.name}
                      onClick={() => runNow.mutate({ name: job.name })}
                      data-testid="job-run-now"
                    >
                      Run now
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
      )}
      {open ? <JobRuns job={open} /> : null}
    </div>
  );
}
