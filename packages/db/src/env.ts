import { z } from 'zod';

const schema = z.object({
  DATABASE_URL: z.string().url().optional(),
  KAPAS_DATA_DIR: z.string().default('.data'),
  /** Tests: the PostgreSQL server on which each test file creates its own database. Unset = PGlite. */
  TEST_DATABASE_URL: z.string().url().optional(),
});

export const dbEnv = schema.parse(process.env);
