import { type Database, settings } from '@kapas/db';

/**
 * Admin-editable policy values, read through a short cache so a hot path does not query them on
 * every request. `invalidate()` after a change on this instance; other instances catch up within the TTL.
 */
export class SettingsStore {
  private cache: Map<string, unknown> | null = null;
  private loadedAt = 0;

  constructor(
    private readonly db: Database,
    private readonly ttlMs = 5_000,
  ) {}

  async number(key: string, fallback: number): Promise<number> {
    const value = (await this.all()).get(key);
    return typeof value === 'number' ? value : fallback;
  }

  async boolean(key: string, fallback: boolean): Promise<boolean> {
    const value = (await this.all()).get(key);
    return typeof value === 'boolean' ? value : fallback;
  }

  /** A positive number, or null when the setting is 0 (switched off, e.g. no forced password expiry). */
  async optionalNumber(key: string, fallback: number | null): Promise<number | null> {
    const map = await this.all();
    if (!map.has(key)) return fallback;
    const value = map.get(key);
    return typeof value === 'number' && value > 0 ? value : null;
  }

  invalidate(): void {
    this.cache = null;
  }

  private async all(): Promise<Map<string, unknown>> {
    if (this.cache && Date.now() - this.loadedAt < this.ttlMs) return this.cache;
    const rows = await this.db.select().from(settings);
    this.cache = new Map(rows.map((r) => [r.key, r.value]));
    this.loadedAt = Date.now();
    return this.cache;
  }
}
