/** "4 Dec 2026, 20:48" in the viewer's time zone; "—" for nothing. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString([], { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
}

/** "just now", "5 min ago", "3 h ago", else the date. */
export function formatRelative(iso: string | null | undefined, now = Date.now()): string {
  if (!iso) return '—';
  const ms = now - new Date(iso).getTime();
  if (Number.isNaN(ms)) return iso;
  if (ms < 60_000) return 'just now';
  if (ms < 3_600_000) return `${Math.floor(ms / 60_000)} min ago`;
  if (ms < 86_400_000) return `${Math.floor(ms / 3_600_000)} h ago`;
  return formatDateTime(iso);
}

/** `SUPER_ADMIN` → `Super admin`. */
export function humanize(code: string): string {
  const words = code.toLowerCase().replace(/[_.:]/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
