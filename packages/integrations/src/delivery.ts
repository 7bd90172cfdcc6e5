/**
 * Delivery channels (DOMAIN §7). Senders either return the provider's message id or throw a
 * `DeliveryError` saying whether the delivery queue should try again (`retryable`) or give up.
 */
export type MailMessage = { to: string; subject: string; text: string; html?: string };
export type SmsMessage = { to: string; text: string };
export type DeliveryReceipt = { providerMessageId: string };

export interface MailSender {
  send(message: MailMessage): Promise<DeliveryReceipt>;
}

export interface SmsSender {
  send(message: SmsMessage): Promise<DeliveryReceipt>;
}

export class DeliveryError extends Error {
  override readonly name = 'DeliveryError';
  readonly retryable: boolean;
  /** Provider status or error code, for the message's status row; never contains secrets. */
  readonly providerCode: string | null;

  constructor(message: string, options: { retryable: boolean; providerCode?: string | null; cause?: unknown }) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.retryable = options.retryable;
    this.providerCode = options.providerCode ?? null;
  }
}

export function isDeliveryError(error: unknown): error is DeliveryError {
  return error instanceof DeliveryError;
}
