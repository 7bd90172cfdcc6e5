export { defaultOrigins, LIMITS, type ServerConfig } from './config';
export { createLogger } from './logger';
export { type RunningServer, startServer } from './server';
