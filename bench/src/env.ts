import { z } from 'zod';

export const benchEnv = z
  .object({
    /** PostgreSQL server on which each benchmark creates (and drops) its own database. */
    BENCH_DATABASE_URL: z.string().url().default('postgres://postgres@127.0.0.1:5432/postgres'),
    /** P2b: idle connections per target (each needs a file descriptor in the server and in the generator). */
    BENCH_P2B_CONNECTIONS: z.coerce.number().int().min(10).max(15_000).default(10_000),
    /** P2: fraction of the QUALITY.md negotiation counts (1 = 100 and 1,000); lower it on a machine that cannot carry the load. */
    BENCH_P2_SCALE: z.coerce.number().min(0.01).max(1).default(1),
    BENCH_SECONDS: z.coerce.number().int().min(2).max(120).default(10),
    /** When set, the server under test writes a V8 CPU profile (`.cpuprofile`) into this folder on exit. */
    BENCH_PROFILE_DIR: z.string().min(1).optional(),
  })
  .parse(process.env);
