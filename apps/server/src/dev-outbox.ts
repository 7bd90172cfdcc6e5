import { type Database, messages } from '@kapas/db';
import { desc } from 'drizzle-orm';
import type { Hono } from 'hono';
import { html } from 'hono/html';

/**
 * `/dev/outbox`: the newest messages of the embedded email/SMS channels, without signing in.
 * Staff sign-in needs a code that only the outbox holds, so on a fresh demo install this page is
 * the way in. Mounted only when nothing is really delivered and the demo seed is on (see main.ts);
 * never in a deployment with a mail provider.
 */
export function mountDevOutbox(app: Hono, db: Database): void {
  app.get('/dev/outbox', async (c) => {
    const rows = await db.select().from(messages).orderBy(desc(messages.createdAt)).limit(50);
    c.header('Cache-Control', 'no-store');
    return c.html(html`<!doctype html>
      <html lang="en">
        <head>
          <meta charset="utf-8" />
          <title>Kapas dev outbox</title>
          <style>
            body { font: 14px system-ui, sans-serif; margin: 2rem; color: #1f2937; }
            article { border: 1px solid #e5e7eb; border-radius: 8px; padding: 0.75rem 1rem; margin-bottom: 0.75rem; }
            pre { white-space: pre-wrap; margin: 0.5rem 0 0; }
            small { color: #6b7280; }
          </style>
        </head>
        <body>
          <h1>Dev outbox</h1>
          <p>Messages the embedded email and SMS channels would have sent, newest first. Reload to refresh.</p>
          ${rows.length === 0 ? html`<p>No messages yet.</p>` : ''}
          ${rows.map(
            (m) => html`<article data-recipient="${m.recipient}">
              <strong>${m.channel} to ${m.recipient}</strong> <small>${m.createdAt} · ${m.status}</small>
              ${m.subject ? html`<div>${m.subject}</div>` : ''}
              <pre>${m.body}</pre>
            </article>`,
          )}
        </body>
      </html>`);
  });
}
