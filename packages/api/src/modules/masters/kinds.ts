/** The simple master lists (dependency-free so the typed client can ship it). */
export const MASTER_KINDS = [
  'VARIETY',
  'TRADE_TYPE',
  'BARGAIN_TYPE',
  'PASSING_TERM',
  'WEIGHTMENT_TERM',
  'DELIVERY_TERM',
  'PAYMENT_TERM',
  'CERTIFICATE_TYPE',
] as const;
export type MasterKind = (typeof MASTER_KINDS)[number];
