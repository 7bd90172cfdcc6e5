import { type DbOrTx, messages, messageTemplates } from '@kapas/db';
import { renderTemplate, type TemplateVariables } from '@kapas/integrations';
import { and, eq } from 'drizzle-orm';
import { DEFAULT_TEMPLATES, type TemplateBody, type TemplateCode } from './templates';

export type Channel = 'EMAIL' | 'SMS';

async function templateFor(tx: DbOrTx, code: TemplateCode, channel: Channel): Promise<TemplateBody> {
  const [override] = await tx
    .select({ subject: messageTemplates.subject, body: messageTemplates.body })
    .from(messageTemplates)
    .where(and(eq(messageTemplates.code, code), eq(messageTemplates.channel, channel)));
  const fallback = DEFAULT_TEMPLATES[code][channel] ?? DEFAULT_TEMPLATES[code].EMAIL;
  return override ?? fallback;
}

/**
 * Queues an email or SMS inside the caller's transaction, so a rolled-back change sends nothing.
 * The delivery worker sends it after commit (or, with the embedded channels, it simply stays in
 * the dev outbox the admin app shows).
 */
export async function queueMessage(
  tx: DbOrTx,
  input: { channel: Channel; recipient: string; template: TemplateCode; variables: TemplateVariables },
): Promise<void> {
  const template = await templateFor(tx, input.template, input.channel);
  const rendered = renderTemplate(
    { ...(template.subject ? { subject: template.subject } : {}), text: template.body },
    input.variables,
  );
  if (!rendered.ok) throw new Error(`Template ${input.template} is missing variables: ${rendered.missing.join(', ')}`);
  await tx.insert(messages).values({
    channel: input.channel,
    recipient: input.recipient,
    subject: rendered.message.subject ?? null,
    body: rendered.message.text,
    template: input.template,
  });
}
