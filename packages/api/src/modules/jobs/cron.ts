/**
 * A tiny 5-field cron parser (minute hour day-of-month month day-of-week), evaluated in UTC.
 * Supports `*`, numbers, ranges `a-b`, lists `a,b` and steps `*\/n`, `a-b/n`. Day-of-week 0 or 7 is
 * Sunday. As in classic cron, when both day fields are restricted a day matches if either matches.
 */
export type CronSchedule = {
  minutes: ReadonlySet<number>;
  hours: ReadonlySet<number>;
  days: ReadonlySet<number>;
  months: ReadonlySet<number>;
  weekdays: ReadonlySet<number>;
  dayRestricted: boolean;
  weekdayRestricted: boolean;
};

const FIELDS = [
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day of month', min: 1, max: 31 },
  { name: 'month', min: 1, max: 12 },
  { name: 'day of week', min: 0, max: 7 },
] as const;

function parseField(text: string, min: number, max: number, name: string): Set<number> {
  const out = new Set<number>();
  for (const part of text.split(',')) {
    const m = /^(\*|(\d+)(?:-(\d+))?)(?:\/(\d+))?$/.exec(part);
    if (!m) throw new Error(`Invalid cron ${name}: "${part}"`);
    const step = m[4] === undefined ? 1 : Number(m[4]);
    let from = min;
    let to = max;
    if (m[1] !== '*') {
      from = Number(m[2]);
      to = m[3] === undefined ? (m[4] === undefined ? from : max) : Number(m[3]);
    }
    if (step < 1 || from < min || to > max || from > to) throw new Error(`Invalid cron ${name}: "${part}"`);
    for (let v = from; v <= to; v += step) out.add(v);
  }
  return out;
}

export function parseCron(expr: string): CronSchedule {
  const parts = expr.trim().split(/\s+/);
  if (parts.length !== 5) throw new Error(`A cron expression has 5 fields, got ${parts.length}: "${expr}"`);
  const [mi, ho, dm, mo, dw] = parts.map((p, i) => parseField(p, FIELDS[i]!.min, FIELDS[i]!.max, FIELDS[i]!.name)) as [
    Set<number>,
    Set<number>,
    Set<number>,
    Set<number>,
    Set<number>,
  ];
  if (dw.has(7)) dw.add(0);
  return {
    minutes: mi,
    hours: ho,
    days: dm,
    months: mo,
    weekdays: dw,
    dayRestricted: parts[2] !== '*',
    weekdayRestricted: parts[4] !== '*',
  };
}

export function isValidCron(expr: string): boolean {
  try {
    parseCron(expr);
    return true;
  } catch {
    return false;
  }
}

function dayMatches(s: CronSchedule, d: Date): boolean {
  const dom = s.days.has(d.getUTCDate());
  const dow = s.weekdays.has(d.getUTCDay());
  if (s.dayRestricted && s.weekdayRestricted) return dom || dow;
  return dom && dow;
}

/** The first minute strictly after `after` that matches the expression (UTC). */
export function nextRun(expr: string, after: Date): Date {
  const s = parseCron(expr);
  const t = new Date(after.getTime());
  t.setUTCSeconds(0, 0);
  t.setUTCMinutes(t.getUTCMinutes() + 1);
  // Skip whole days/hours that cannot match; bounded to ~5 years so an impossible date (Feb 31) ends.
  const limit = after.getTime() + 5 * 366 * 86_400_000;
  while (t.getTime() <= limit) {
    if (!s.months.has(t.getUTCMonth() + 1) || !dayMatches(s, t)) {
      t.setUTCHours(0, 0, 0, 0);
      t.setUTCDate(t.getUTCDate() + 1);
      continue;
    }
    if (!s.hours.has(t.getUTCHours())) {
      t.setUTCMinutes(0);
      t.setUTCHours(t.getUTCHours() + 1);
      continue;
    }
    if (!s.minutes.has(t.getUTCMinutes())) {
      t.setUTCMinutes(t.getUTCMinutes() + 1);
      continue;
    }
    return t;
  }
  throw new Error(`Cron expression never matches: "${expr}"`);
}
