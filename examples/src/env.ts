import { z } from 'zod';

export const exampleEnv = z
  .object({
    KAPAS_URL: z.string().url().default('http://localhost:3000'),
    KAPAS_EMAIL: z.string().default('buyer@saurashtra-mills.example'),
    KAPAS_PASSWORD: z.string().default('KapasDemo#2026'),
    KAPAS_FOLLOW_SECONDS: z.coerce.number().int().min(0).max(3600).default(30),
  })
  .parse(process.env);
