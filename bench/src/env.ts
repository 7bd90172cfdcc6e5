import { z } from 'zod';

export const benchEnv = z
  .object({
    /** PostgreSQL server on which each benchmark creates (and drops) its own database. */
    BENCH_DATABASE_URL: z.string().url().default('postgres://postgres@127.0.0.1:5432/postgres'),
    BENCH_SECONDS: z.coerce.number().int().min(2).max(120).default(10),
  })
  .parse(process.env);
