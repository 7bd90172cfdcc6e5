/**
 * Captures the SQL a procedure runs, from PostgreSQL's own statement log: the bench database gets
 * `log_statement = all` while a separate capture server answers one call per procedure; what the
 * server's background jobs run (seen while it idles) is left out. The measured server starts
 * afterwards, without statement logging, so logging costs neither side anything.
 */
import { open, stat } from 'node:fs/promises';

export type Captured = { query: string; params: (string | null)[] };

const LOG = '/var/log/postgresql/postgresql-15-main.log';
const RECORD = /^\d{4}-\d\d-\d\d [\d:.]+ \w+ \[\d+\] \S*@(\S+) (LOG|DETAIL): {2}(.*)$/;

export const logSize = async () => (await stat(LOG)).size;

async function readFrom(offset: number): Promise<string> {
  const handle = await open(LOG, 'r');
  try {
    const { size } = await handle.stat();
    const buffer = Buffer.alloc(size - offset);
    await handle.read(buffer, 0, buffer.length, offset);
    return buffer.toString('utf8');
  } finally {
    await handle.close();
  }
}

function parseParams(detail: string): (string | null)[] {
  const out: (string | null)[] = [];
  for (const m of detail.matchAll(/\$(\d+) = (NULL|'((?:[^']|'')*)')/g))
    out[Number(m[1]) - 1] = m[2] === 'NULL' ? null : m[3]!.replace(/''/g, "'");
  return out;
}

/** Statements logged for `database` since `offset`, with their parameters. */
export async function statementsSince(offset: number, database: string): Promise<Captured[]> {
  const records: { db: string; kind: string; text: string }[] = [];
  for (const line of (await readFrom(offset)).split('\n')) {
    const m = line.match(RECORD);
    if (m) records.push({ db: m[1]!, kind: m[2]!, text: m[3]! });
    else if (line.startsWith('\t') && records.length) records[records.length - 1]!.text += `\n${line.slice(1)}`;
  }
  const out: Captured[] = [];
  for (const r of records) {
    if (r.db !== database) continue;
    if (r.kind === 'LOG') {
      const m = r.text.match(/^(?:execute [^:]*|statement): ([\s\S]*)$/);
      if (m) out.push({ query: m[1]!, params: [] });
    } else if (r.kind === 'DETAIL' && r.text.startsWith('parameters:') && out.length) {
      out[out.length - 1]!.params = parseParams(r.text);
    }
  }
  return out;
}
