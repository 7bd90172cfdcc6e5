import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DeliveryError } from './delivery';
import { TwilioSmsSender } from './twilio';

const SID = `AC${'0123456789abcdef'.repeat(2)}`;
type Seen = { method: string; url: string; headers: IncomingMessage['headers']; body: string };
let server: Server;
let baseUrl: string;
let seen: Seen[] = [];
let reply: { status: number; body: string } = { status: 201, body: '{}' };

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => {
      body += chunk.toString('utf8');
    });
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      res.writeHead(reply.status, { 'content-type': 'application/json' }).end(reply.body);
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((done) => server.close(() => done())));

beforeEach(() => {
  seen = [];
});

const sender = (extra: Partial<ConstructorParameters<typeof TwilioSmsSender>[0]> = {}) =>
  new TwilioSmsSender({ accountSid: SID, authToken: 'secret-token', from: '+15005550006', baseUrl, ...extra });

async function sendError(s: TwilioSmsSender): Promise<DeliveryError> {
  const error = await s.send({ to: '+919800000000', text: 'x' }).catch((e: unknown) => e);
  if (!(error instanceof DeliveryError)) throw new Error(`expected DeliveryError, got ${String(error)}`);
  return error;
}

describe('TwilioSmsSender', () => {
  it('POSTs a form with basic auth to the Messages endpoint and returns the sid', async () => {
    reply = { status: 201, body: JSON.stringify({ sid: 'SM123', status: 'queued' }) };
    const receipt = await sender().send({ to: '+919800000000', text: 'Your code is 042917 & more' });
    expect(receipt).toEqual({ providerMessageId: 'SM123' });
    expect(seen).toHaveLength(1);
    const [req] = seen;
    expect(req!.method).toBe('POST');
    expect(req!.url).toBe(`/2010-04-01/Accounts/${SID}/Messages.json`);
    expect(req!.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(req!.headers.authorization).toBe(`Basic ${Buffer.from(`${SID}:secret-token`).toString('base64')}`);
    expect(Object.fromEntries(new URLSearchParams(req!.body))).toEqual({
      To: '+919800000000',
      Body: 'Your code is 042917 & more',
      From: '+15005550006',
    });
  });

  it('uses MessagingServiceSid when configured instead of From', () => {
    const form = sender({ from: undefined, messagingServiceSid: 'MG1' }).formFor({ to: '+1', text: 't' });
    expect(form.get('MessagingServiceSid')).toBe('MG1');
    expect(form.has('From')).toBe(false);
  });

  it('treats a 4xx from Twilio (e.g. invalid number) as permanent', async () => {
    reply = { status: 400, body: JSON.stringify({ code: 21211, message: "The 'To' number is not valid." }) };
    const error = await sendError(sender());
    expect(error.retryable).toBe(false);
    expect(error.providerCode).toBe('twilio_21211');
    expect(error.message).not.toContain('secret-token');
  });

  it('retries on 429 and 5xx', async () => {
    reply = { status: 429, body: JSON.stringify({ code: 20429, message: 'Too Many Requests' }) };
    expect((await sendError(sender())).retryable).toBe(true);
    reply = { status: 503, body: 'not json' };
    const error = await sendError(sender());
    expect(error.retryable).toBe(true);
    expect(error.providerCode).toBe('http_503');
  });

  it('retries when Twilio cannot be reached', async () => {
    const closed = createServer();
    await new Promise<void>((done) => closed.listen(0, '127.0.0.1', done));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((done) => closed.close(() => done()));
    const error = await sendError(sender({ baseUrl: `http://127.0.0.1:${port}` }));
    expect(error).toMatchObject({ retryable: true, providerCode: 'network' });
  });

  it('uses the injected fetch', async () => {
    const calls: string[] = [];
    const fakeFetch: typeof fetch = async (input) => {
      calls.push(String(input));
      return new Response(JSON.stringify({ sid: 'SMfake' }), { status: 201 });
    };
    const s = new TwilioSmsSender({ accountSid: SID, authToken: 't', from: '+1', fetch: fakeFetch });
    expect(await s.send({ to: '+2', text: 'x' })).toEqual({ providerMessageId: 'SMfake' });
    expect(calls).toEqual([`https://api.twilio.com/2010-04-01/Accounts/${SID}/Messages.json`]);
  });

  it('rejects a malformed account SID or an ambiguous sender', () => {
    expect(() => new TwilioSmsSender({ accountSid: '../evil', authToken: 't', from: '+1' })).toThrow();
    expect(() => new TwilioSmsSender({ accountSid: SID, authToken: 't' })).toThrow();
    expect(() => new TwilioSmsSender({ accountSid: SID, authToken: 't', from: '+1', messagingServiceSid: 'MG1' })).toThrow();
  });
});
