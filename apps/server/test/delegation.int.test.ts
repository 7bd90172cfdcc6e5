import { createKapasClient, type KapasClient } from '@kapas/client';
import { messages, users } from '@kapas/db';
import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInAs, startTestServer, type TestServer } from '../src/testing';
import { failure } from './helpers';

let server: TestServer;
let buyer: KapasClient;
let seller: KapasClient;
let admin: KapasClient;
beforeAll(async () => {
  server = await startTestServer();
  [buyer, seller, admin] = await Promise.all([
    signInAs(server, 'buyer@saurashtra-mills.example'),
    signInAs(server, 'seller@vidarbha-ginning.example'),
    signInAs(server, 'admin@kapas.local'),
  ]);
});
afterAll(() => server.stop());

async function inviteLinkFor(email: string): Promise<string> {
  const [m] = await server.handle.db
    .select({ body: messages.body })
    .from(messages)
    .where(and(eq(messages.recipient, email), eq(messages.template, 'INVITE')))
    .orderBy(desc(messages.createdAt))
    .limit(1);
  const token = m?.body.match(/accept-invite\?token=([^\s]+)/)?.[1];
  if (!token) throw new Error(`no invite for ${email}`);
  return decodeURIComponent(token);
}

describe('API tokens', () => {
  it('are shown once, work as Bearer tokens within their scope, and stop working when revoked', async () => {
    const { token, view } = await buyer.apiTokens.create.mutate({
      name: 'ERP sync',
      scopes: ['master:read', 'trade:read'],
      expiresInDays: 30,
    });
    expect(token).toMatch(/^kpt_/);
    const listed = await buyer.apiTokens.list.query();
    expect(listed.map((t) => t.id)).toContain(view.id);
    expect(JSON.stringify(listed)).not.toContain(token.split('_')[2]);

    const integrator = createKapasClient({ url: server.url, token });
    expect((await integrator.masters.commodities.query())[0]?.code).toBe('COTTON');
    // Outside its scope, although the owner has it.
    expect((await failure(integrator.subUsers.list.query())).code).toBe('FORBIDDEN');
    expect(
      (await failure(integrator.apiTokens.create.mutate({ name: 'escalate', scopes: ['master:read'], expiresInDays: 1 }))).code,
    ).toBe('FORBIDDEN');

    await buyer.apiTokens.revoke.mutate({ id: view.id });
    expect((await failure(integrator.masters.commodities.query())).code).toBe('UNAUTHORIZED');
  });

  it('cannot be scoped beyond the owner', async () => {
    const err = await failure(buyer.apiTokens.create.mutate({ name: 'too much', scopes: ['master:write'], expiresInDays: 5 }));
    expect(err.code).toBe('BAD_REQUEST');
    expect(err.fieldErrors.scopes?.[0]).toContain('master:write');
  });

  it('are private to their owner', async () => {
    const { view } = await buyer.apiTokens.create.mutate({ name: 'mine', scopes: ['master:read'], expiresInDays: 5 });
    expect((await seller.apiTokens.list.query()).map((t) => t.id)).not.toContain(view.id);
    expect((await failure(seller.apiTokens.revoke.mutate({ id: view.id }))).code).toBe('NOT_FOUND');
  });
});

describe('sub-users', () => {
  it('are invited with a subset of the primary user’s permissions, accept by link and sign in', async () => {
    const invited = await buyer.subUsers.invite.mutate({
      email: 'clerk@saurashtra-mills.example',
      name: 'Kiran Clerk',
      capabilities: ['master:read', 'trade:read'],
    });
    expect(invited.status).toBe('INVITED');
    const token = await inviteLinkFor('clerk@saurashtra-mills.example');
    await createKapasClient({ url: server.url }).auth.acceptInvite.mutate({ token, password: 'reads the ginning ledger daily' });
    const clerk = await signInAs(server, 'clerk@saurashtra-mills.example', 'reads the ginning ledger daily');
    const me = await clerk.auth.me.query();
    expect(me?.capabilities).toEqual(['master:read', 'trade:read']);
    expect(me?.isPrimary).toBe(false);
    // A sub-user cannot invite.
    expect(
      (await failure(clerk.subUsers.invite.mutate({ email: 'x@y.example', name: 'X Y', capabilities: ['master:read'] }))).code,
    ).toBe('FORBIDDEN');
    // The link works once.
    expect(
      (
        await failure(
          createKapasClient({ url: server.url }).auth.acceptInvite.mutate({ token, password: 'another long password' }),
        )
      ).code,
    ).toBe('BAD_REQUEST');
  });

  it('cannot get permissions the primary user lacks or that only primary users hold', async () => {
    const tooMuch = await failure(
      buyer.subUsers.invite.mutate({ email: 'boss@saurashtra-mills.example', name: 'Boss', capabilities: ['master:write'] }),
    );
    expect(tooMuch.code).toBe('BAD_REQUEST');
    const manage = await failure(
      buyer.subUsers.invite.mutate({ email: 'boss@saurashtra-mills.example', name: 'Boss', capabilities: ['subuser:manage'] }),
    );
    expect(manage.fieldErrors.capabilities?.[0]).toContain('subuser:manage');
  });

  it('are limited to 2 per partner (SUB_USER_LIMIT) and a deactivated one frees a place', async () => {
    const second = await buyer.subUsers.invite.mutate({
      email: 'second@saurashtra-mills.example',
      name: 'Second Sub',
      capabilities: ['master:read'],
    });
    const third = await failure(
      buyer.subUsers.invite.mutate({ email: 'third@saurashtra-mills.example', name: 'Third Sub', capabilities: ['master:read'] }),
    );
    expect(third.code).toBe('SUB_USER_LIMIT');
    expect(await server.handle.db.select().from(users).where(eq(users.email, 'third@saurashtra-mills.example'))).toEqual([]);
    await buyer.subUsers.setActive.mutate({ userId: second.id, active: false });
    await expect(
      buyer.subUsers.invite.mutate({ email: 'third@saurashtra-mills.example', name: 'Third Sub', capabilities: ['master:read'] }),
    ).resolves.toBeTruthy();
  });

  it('of one partner are invisible to another (NOT_FOUND), and deactivation ends their sessions', async () => {
    const [clerk] = (await buyer.subUsers.list.query()).filter((s) => s.email === 'clerk@saurashtra-mills.example');
    expect((await seller.subUsers.list.query()).map((s) => s.id)).not.toContain(clerk!.id);
    expect((await failure(seller.subUsers.setActive.mutate({ userId: clerk!.id, active: false }))).code).toBe('NOT_FOUND');
    expect((await failure(seller.subUsers.activity.query({ userId: clerk!.id }))).code).toBe('NOT_FOUND');
    const session = await signInAs(server, 'clerk@saurashtra-mills.example', 'reads the ginning ledger daily');
    await buyer.subUsers.setActive.mutate({ userId: clerk!.id, active: false });
    expect(await session.auth.me.query()).toBeNull();
    const activity = await buyer.subUsers.activity.query({ userId: clerk!.id });
    expect(activity.map((a) => a.action)).toContain('user.invite_accepted');
  });
});

describe('staff users and roles', () => {
  it('creates a staff user by invitation; roles take effect at once; nobody changes their own access', async () => {
    const created = await admin.users.createStaff.mutate({
      email: 'new.sales@kapas.local',
      name: 'Neha Sales',
      roles: ['SALES'],
    });
    expect(created.status).toBe('INVITED');
    const token = await inviteLinkFor('new.sales@kapas.local');
    await createKapasClient({ url: server.url }).auth.acceptInvite.mutate({ token, password: 'sells bales before monsoon' });
    const neha = await signInAs(server, 'new.sales@kapas.local', 'sells bales before monsoon');
    expect((await failure(neha.users.list.query({}))).code).toBe('FORBIDDEN');
    await admin.users.setRoles.mutate({ userId: created.id, roles: ['SALES', 'ADMIN'] });
    expect((await neha.users.list.query({})).total).toBeGreaterThan(5);
    const me = await admin.auth.me.query();
    expect((await failure(admin.users.setRoles.mutate({ userId: me!.userId, roles: ['SALES'] }))).code).toBe('FORBIDDEN');
  });

  it('refuses unknown roles and partner users in back-office procedures', async () => {
    const list = await admin.users.list.query({ search: 'new.sales' });
    expect((await failure(admin.users.setRoles.mutate({ userId: list.items[0]!.id, roles: ['PARTNER_PRIMARY'] }))).code).toBe(
      'BAD_REQUEST',
    );
    expect((await failure(buyer.users.list.query({}))).code).toBe('FORBIDDEN');
  });
});
