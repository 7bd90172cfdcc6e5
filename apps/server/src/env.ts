import { z } from 'zod';

const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

const schema = z.object({
  NODE_ENV: z.enum(['production', 'development', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().url().optional(),
  KAPAS_ALLOWED_ORIGINS: z.string().optional(),
  KAPAS_DEMO_SEED: bool.default(true),
  KAPAS_SECURE_COOKIES: bool.default(true),
  /** Public base URL used in emailed links. Defaults to http://localhost:$PORT. */
  KAPAS_PUBLIC_URL: z.string().url().optional(),
  /** Where rate-limit counters live: this process, or PostgreSQL (several instances). */
  KAPAS_RATE_LIMIT_STORE: z.enum(['memory', 'postgres']).default('memory'),
  /** SMTP relay for email, e.g. smtp://apikey:SECRET@smtp.sendgrid.net:587. Unset = dev outbox. */
  KAPAS_SMTP_URL: z.string().url().optional(),
  KAPAS_MAIL_FROM: z.string().default('Kapas <no-reply@kapas.local>'),
  /** Twilio for SMS. Unset = dev outbox. */
  KAPAS_TWILIO_ACCOUNT_SID: z.string().optional(),
  KAPAS_TWILIO_AUTH_TOKEN: z.string().optional(),
  KAPAS_TWILIO_FROM: z.string().optional(),
  /** Proxies whose X-Forwarded-For is believed (comma-separated addresses). */
  KAPAS_TRUSTED_PROXIES: z.string().default(''),
  /** Document storage: embedded local disk (under KAPAS_DOCUMENTS_DIR) or an S3-compatible bucket. */
  KAPAS_STORAGE: z.enum(['local', 's3']).default('local'),
  /** Default: `documents/` inside the database data directory (.data/documents). */
  KAPAS_DOCUMENTS_DIR: z.string().optional(),
  KAPAS_S3_BUCKET: z.string().default('kapas-documents'),
  KAPAS_S3_REGION: z.string().default('us-east-1'),
  /** e.g. http://localhost:9000 (MinIO) or https://storage.googleapis.com (GCS interoperability). */
  KAPAS_S3_ENDPOINT: z.string().url().optional(),
  KAPAS_S3_FORCE_PATH_STYLE: bool.default(false),
  KAPAS_S3_ACCESS_KEY_ID: z.string().optional(),
  KAPAS_S3_SECRET_ACCESS_KEY: z.string().optional(),
  KAPAS_S3_PREFIX: z.string().default(''),
  /** Signs document download links. Set a long random value in production. */
  KAPAS_FILE_LINK_SECRET: z.string().min(16).default('kapas-dev-file-link-secret'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type ServerEnv = z.infer<typeof schema>;
export const env: ServerEnv = schema.parse(process.env);
