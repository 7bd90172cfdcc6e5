export * from './delivery';
export * from './outbox';
export * from './retry';
export * from './smtp';
export * from './storage';
export * from './storage-s3';
export * from './template';
export * from './twilio';
