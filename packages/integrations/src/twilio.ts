import { DeliveryError, type DeliveryReceipt, type SmsMessage, type SmsSender } from './delivery';

/**
 * SMS through Twilio's REST API (no SDK): POST form-encoded to
 * `/2010-04-01/Accounts/{sid}/Messages.json` with basic auth. `fetch` and `baseUrl` are injectable
 * so tests run against a local server.
 */
export type TwilioConfig = {
  accountSid: string;
  authToken: string;
  /** A Twilio phone number in E.164, or use `messagingServiceSid` instead. */
  from?: string;
  messagingServiceSid?: string;
  baseUrl?: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
};

export const TWILIO_BASE_URL = 'https://api.twilio.com';
const ACCOUNT_SID = /^AC[0-9a-fA-F]{32}$/;

export class TwilioSmsSender implements SmsSender {
  private readonly url: string;
  private readonly authorization: string;
  private readonly fetch: typeof fetch;

  constructor(private readonly config: TwilioConfig) {
    if (!ACCOUNT_SID.test(config.accountSid)) throw new Error('Twilio account SID must look like AC followed by 32 hex digits');
    if (Boolean(config.from) === Boolean(config.messagingServiceSid)) {
      throw new Error('Twilio needs exactly one of `from` and `messagingServiceSid`');
    }
    const base = (config.baseUrl ?? TWILIO_BASE_URL).replace(/\/+$/, '');
    this.url = `${base}/2010-04-01/Accounts/${config.accountSid}/Messages.json`;
    this.authorization = `Basic ${Buffer.from(`${config.accountSid}:${config.authToken}`).toString('base64')}`;
    this.fetch = config.fetch ?? fetch;
  }

  /** The form body Twilio receives; exported for tests and logs (holds no credentials). */
  formFor(message: SmsMessage): URLSearchParams {
    const form = new URLSearchParams({ To: message.to, Body: message.text });
    if (this.config.messagingServiceSid) form.set('MessagingServiceSid', this.config.messagingServiceSid);
    else form.set('From', this.config.from!);
    return form;
  }

  async send(message: SmsMessage): Promise<DeliveryReceipt> {
    let response: Response;
    try {
      response = await this.fetch(this.url, {
        method: 'POST',
        headers: {
          authorization: this.authorization,
          'content-type': 'application/x-www-form-urlencoded',
          accept: 'application/json',
        },
        body: this.formFor(message).toString(),
        signal: AbortSignal.timeout(this.config.timeoutMs ?? 15_000),
      });
    } catch (cause) {
      throw new DeliveryError('Twilio could not be reached', { retryable: true, providerCode: 'network', cause });
    }
    const body: unknown = await response.json().catch(() => null);
    if (response.ok) {
      const sid = typeof body === 'object' && body !== null && 'sid' in body ? body.sid : null;
      if (typeof sid === 'string' && sid.length > 0) return { providerMessageId: sid };
      throw new DeliveryError('Twilio accepted the message but returned no sid', {
        retryable: false,
        providerCode: `http_${response.status}`,
      });
    }
    throw twilioError(response.status, body);
  }
}

/** 429 and 5xx are worth retrying; other 4xx (bad number, unverified sender, auth) are not. */
export function twilioError(status: number, body: unknown): DeliveryError {
  const record = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const code = typeof record.code === 'number' || typeof record.code === 'string' ? String(record.code) : null;
  const detail = typeof record.message === 'string' ? `: ${record.message}` : '';
  return new DeliveryError(`Twilio answered ${status}${detail}`, {
    retryable: status === 429 || status >= 500,
    providerCode: code ? `twilio_${code}` : `http_${status}`,
  });
}
