export * from './audit';
export * from './events';
export * from './identity';
export * from './masters';
export * from './messaging';
export * from './security';
