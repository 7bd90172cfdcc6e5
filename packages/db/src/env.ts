import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** `.data/` at the repository root, whichever package a script runs from. */
const defaultDataDir = fileURLToPath(new URL('../../../.data', import.meta.url));

const schema = z.object({
  DATABASE_URL: z.string().url().optional(),
  KAPAS_DATA_DIR: z.string().default(defaultDataDir),
  /** Tests: the PostgreSQL server on which each test file creates its own database. Unset = PGlite. */
  TEST_DATABASE_URL: z.string().url().optional(),
});

export const dbEnv = schema.parse(process.env);
