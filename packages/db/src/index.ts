export * from './audit-chain';
export * from './client';
export { dbEnv } from './env';
export { migrate, migrationsFolder } from './migrate';
export { allocateNumber } from './numbers';
export * from './schema';
export { type DemoSignIn, seed } from './seed';
export { DEFAULT_SETTINGS, DEMO_PASSWORD } from './seed-data';
