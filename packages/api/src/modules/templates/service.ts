import { messageTemplates } from '@kapas/db';
import { templateVariables } from '@kapas/integrations';
import { and, eq } from 'drizzle-orm';
import type { Actor, Deps, RequestMeta } from '../../context';
import { DomainError } from '../../errors';
import { transact } from '../../shared/transact';
import { appendAudit } from '../audit/append';
import { DEFAULT_TEMPLATES, type TemplateCode } from '../messaging/templates';

type Channel = 'EMAIL' | 'SMS';

/** The placeholders a template may use: exactly those its built-in version uses. */
function allowedVariables(code: TemplateCode, channel: Channel): string[] {
  const builtIn = DEFAULT_TEMPLATES[code][channel] ?? DEFAULT_TEMPLATES[code].EMAIL;
  return templateVariables({ ...(builtIn.subject ? { subject: builtIn.subject } : {}), text: builtIn.body });
}

export async function listTemplates(deps: Deps) {
  const overrides = await deps.db.select().from(messageTemplates);
  return (Object.keys(DEFAULT_TEMPLATES) as TemplateCode[]).flatMap((code) =>
    (['EMAIL', 'SMS'] as const)
      .filter((channel) => DEFAULT_TEMPLATES[code][channel])
      .map((channel) => {
        const override = overrides.find((o) => o.code === code && o.channel === channel);
        const builtIn = DEFAULT_TEMPLATES[code][channel]!;
        return {
          code,
          channel,
          subject: override?.subject ?? builtIn.subject,
          body: override?.body ?? builtIn.body,
          customised: !!override,
          variables: allowedVariables(code, channel),
          updatedAt: override?.updatedAt ?? null,
        };
      }),
  );
}

/** Saves an admin's version; a placeholder the message cannot fill is refused before anything is sent with it. */
export async function updateTemplate(
  deps: Deps,
  meta: RequestMeta,
  actor: Actor,
  input: { code: TemplateCode; channel: Channel; subject: string | null; body: string },
): Promise<void> {
  if (!DEFAULT_TEMPLATES[input.code][input.channel]) throw new DomainError('NOT_FOUND', 'This message has no such channel.');
  const allowed = allowedVariables(input.code, input.channel);
  const used = templateVariables({ ...(input.subject ? { subject: input.subject } : {}), text: input.body });
  const unknown = used.filter((v) => !allowed.includes(v));
  if (unknown.length) {
    const message = `Unknown placeholders: ${unknown.map((u) => `{{${u}}}`).join(', ')}. Available: ${allowed.map((a) => `{{${a}}}`).join(', ')}`;
    throw new DomainError('BAD_REQUEST', message, { fieldErrors: { body: [message] } });
  }
  const now = deps.clock();
  await transact(deps, async (tx) => {
    const where = and(eq(messageTemplates.code, input.code), eq(messageTemplates.channel, input.channel));
    const [before] = await tx.select().from(messageTemplates).where(where);
    await tx
      .insert(messageTemplates)
      .values({
        code: input.code,
        channel: input.channel,
        subject: input.subject,
        body: input.body,
        variables: allowed,
        updatedAt: now.toISOString(),
      })
      .onConflictDoUpdate({
        target: [messageTemplates.code, messageTemplates.channel],
        set: { subject: input.subject, body: input.body, updatedAt: now.toISOString() },
      });
    await appendAudit(
      tx,
      { actor, meta, now },
      {
        action: 'template.update',
        entityType: 'message_template',
        entityId: `${input.code}:${input.channel}`,
        oldValues: before ? { subject: before.subject, body: before.body } : null,
        newValues: { subject: input.subject, body: input.body },
      },
    );
  });
}
