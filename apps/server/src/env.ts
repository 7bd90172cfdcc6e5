import { z } from 'zod';

const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

const schema = z.object({
  NODE_ENV: z.enum(['production', 'development', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().url().optional(),
  KAPAS_DATA_DIR: z.string().default('.data'),
  KAPAS_ALLOWED_ORIGINS: z.string().optional(),
  KAPAS_DEMO_SEED: bool.default(true),
  KAPAS_SECURE_COOKIES: bool.default(true),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type ServerEnv = z.infer<typeof schema>;
export const env: ServerEnv = schema.parse(process.env);
