import type { AddressInfo } from 'node:net';
import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DeliveryError } from './delivery';
import { buildMailOptions, SmtpMailSender, sendGridSmtpConfig, smtpDeliveryError } from './smtp';

/** A minimal SMTP server on 127.0.0.1: enough of RFC 5321 for nodemailer, no TLS, no auth. */
let server: Server;
let port: number;
let messages: { from: string; to: string[]; data: string }[] = [];
let rcptReply = '250 OK';

function handle(socket: Socket): void {
  let buffer = '';
  let inData = false;
  let current = { from: '', to: [] as string[], data: '' };
  const say = (line: string) => socket.write(`${line}\r\n`);
  say('220 localhost ESMTP test');
  socket.on('data', (chunk: Buffer) => {
    buffer += chunk.toString('utf8');
    for (;;) {
      if (inData) {
        const end = buffer.indexOf('\r\n.\r\n');
        if (end < 0) return;
        current.data = buffer.slice(0, end);
        buffer = buffer.slice(end + 5);
        inData = false;
        messages.push(current);
        current = { from: '', to: [], data: '' };
        say('250 OK queued as test1');
        continue;
      }
      const eol = buffer.indexOf('\r\n');
      if (eol < 0) return;
      const line = buffer.slice(0, eol);
      buffer = buffer.slice(eol + 2);
      const verb = line.slice(0, 4).toUpperCase();
      if (verb === 'EHLO') say('250-localhost\r\n250 8BITMIME');
      else if (verb === 'HELO') say('250 localhost');
      else if (verb === 'MAIL') {
        current.from = line;
        say('250 OK');
      } else if (verb === 'RCPT') {
        current.to.push(line);
        say(rcptReply);
      } else if (verb === 'DATA') {
        inData = true;
        say('354 End data with <CR><LF>.<CR><LF>');
        if (buffer.startsWith('\r\n')) buffer = buffer.slice(2);
      } else if (verb === 'RSET' || verb === 'NOOP') say('250 OK');
      else if (verb === 'QUIT') {
        say('221 Bye');
        socket.end();
        return;
      } else say('502 Command not implemented');
    }
  });
  socket.on('error', () => {});
}

beforeAll(async () => {
  server = createServer(handle);
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  port = (server.address() as AddressInfo).port;
});

afterAll(() => new Promise<void>((done) => server.close(() => done())));

beforeEach(() => {
  messages = [];
  rcptReply = '250 OK';
});

const local = (p = port) =>
  new SmtpMailSender({
    host: '127.0.0.1',
    port: p,
    secure: false,
    requireTls: false,
    from: 'Kapas <no-reply@kapas.example>',
    timeoutMs: 5000,
  });

describe('SmtpMailSender against a local SMTP server', () => {
  it('delivers text and html parts and returns the message id', async () => {
    const sender = local();
    const receipt = await sender.send({
      to: 'trader@mill.example',
      subject: 'Your Kapas code',
      text: 'Your code is 042917.',
      html: '<p>Your code is <b>042917</b>.</p>',
    });
    sender.close();
    expect(receipt.providerMessageId).toMatch(/^<.+@.+>$/);
    expect(messages).toHaveLength(1);
    const [m] = messages;
    expect(m!.from).toContain('<no-reply@kapas.example>');
    expect(m!.to).toEqual(['RCPT TO:<trader@mill.example>']);
    expect(m!.data).toContain('Subject: Your Kapas code');
    expect(m!.data).toContain('To: trader@mill.example');
    expect(m!.data).toContain('multipart/alternative');
    expect(m!.data).toContain('Your code is 042917.');
    expect(m!.data).toContain('<b>042917</b>');
  });

  it('reports a 5xx recipient rejection as permanent', async () => {
    rcptReply = '550 5.1.1 No such user';
    const error = await local()
      .send({ to: 'nobody@mill.example', subject: 's', text: 't' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DeliveryError);
    expect(error).toMatchObject({ retryable: false, providerCode: 'smtp_550' });
  });

  it('reports a 4xx (greylisting) as retryable', async () => {
    rcptReply = '451 4.7.1 Try again later';
    const error = await local()
      .send({ to: 'later@mill.example', subject: 's', text: 't' })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ retryable: true, providerCode: 'smtp_451' });
  });

  it('reports an unreachable server as retryable', async () => {
    const closed = createServer();
    await new Promise<void>((done) => closed.listen(0, '127.0.0.1', done));
    const unused = (closed.address() as AddressInfo).port;
    await new Promise<void>((done) => closed.close(() => done()));
    const error = await local(unused)
      .send({ to: 'a@b.example', subject: 's', text: 't' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DeliveryError);
    expect((error as DeliveryError).retryable).toBe(true);
  });
});

describe('SMTP message construction and error mapping', () => {
  it('builds nodemailer options, with html only when given', () => {
    expect(buildMailOptions('f@x.example', { to: 't@x.example', subject: 's', text: 't' })).toEqual({
      from: 'f@x.example',
      to: 't@x.example',
      subject: 's',
      text: 't',
    });
    expect(buildMailOptions('f@x.example', { to: 't@x.example', subject: 's', text: 't', html: '<p/>' }).html).toBe('<p/>');
  });

  it('maps authentication failures as permanent and connection errors as retryable', () => {
    expect(smtpDeliveryError({ code: 'EAUTH', responseCode: 535 }).retryable).toBe(false);
    expect(smtpDeliveryError({ code: 'EAUTH' }).retryable).toBe(false);
    expect(smtpDeliveryError({ code: 'ETIMEDOUT' })).toMatchObject({ retryable: true, providerCode: 'ETIMEDOUT' });
    expect(smtpDeliveryError('weird').retryable).toBe(true);
  });

  it('configures SendGrid as STARTTLS on 587 with the apikey user', () => {
    expect(sendGridSmtpConfig('SG.key', 'no-reply@kapas.example')).toEqual({
      host: 'smtp.sendgrid.net',
      port: 587,
      secure: false,
      requireTls: true,
      user: 'apikey',
      password: 'SG.key',
      from: 'no-reply@kapas.example',
    });
  });
});
