export * from './audit';
export * from './events';
export * from './identity';
export * from './masters';
