import { settings } from '@kapas/db';
import { eq } from 'drizzle-orm';
import type { Actor, Deps, RequestMeta } from '../../context';
import { DomainError } from '../../errors';
import { transact } from '../../shared/transact';
import { appendAudit } from '../audit/append';
import { SETTING_DEFINITIONS, settingValueError } from './definitions';

export async function listSettings(deps: Deps) {
  const rows = await deps.db.select().from(settings);
  const values = new Map(rows.map((r) => [r.key, r]));
  return SETTING_DEFINITIONS.map((d) => ({
    ...d,
    value: values.get(d.key)?.value ?? null,
    updatedAt: values.get(d.key)?.updatedAt ?? null,
  }));
}

/** Validated against its definition, audited with old and new value, effective on every instance within seconds. */
export async function updateSetting(
  deps: Deps,
  meta: RequestMeta,
  actor: Actor,
  input: { key: string; value: unknown },
): Promise<void> {
  const definition = SETTING_DEFINITIONS.find((d) => d.key === input.key);
  if (!definition) throw new DomainError('NOT_FOUND', 'Unknown setting.');
  const problem = settingValueError(definition, input.value);
  if (problem) throw new DomainError('BAD_REQUEST', problem, { fieldErrors: { value: [problem] } });
  const now = deps.clock();
  await transact(deps, async (tx) => {
    const [before] = await tx.select().from(settings).where(eq(settings.key, input.key));
    await tx
      .insert(settings)
      .values({ key: input.key, value: input.value, updatedAt: now.toISOString(), updatedBy: actor.userId })
      .onConflictDoUpdate({
        target: settings.key,
        set: { value: input.value, updatedAt: now.toISOString(), updatedBy: actor.userId },
      });
    await appendAudit(
      tx,
      { actor, meta, now },
      {
        action: 'setting.update',
        entityType: 'setting',
        entityId: input.key,
        oldValues: { value: before?.value ?? null },
        newValues: { value: input.value },
      },
    );
  });
  deps.settings.invalidate();
}
