/**
 * The uploaded file's name, for display and the download's content-disposition only: it is never
 * part of a storage path. Keeps the last path segment, drops control characters (NUL included),
 * quotes and path separators, collapses dots at the start so it cannot read as `..`, and bounds
 * the length. The extension shown is the one of the type sniffed from the content.
 */
const MAX_NAME = 120;

export function sanitiseFileName(raw: string | null | undefined, extension: string): string {
  const lastSegment = (raw ?? '').split(/[\\/]/).pop() ?? '';
  const cleaned = lastSegment
    .normalize('NFC')
    .replace(/[\p{Cc}"<>|:*?;]/gu, '')
    .replace(/\s+/g, ' ')
    .replace(/^[.\s]+/, '')
    .trim();
  const stem = cleaned.replace(/\.[^.]*$/, '').slice(0, MAX_NAME - extension.length - 1) || 'document';
  return `${stem}.${extension}`;
}

/** An ASCII-only fallback for the `filename=` parameter (the full name goes in `filename*`). */
export function asciiFileName(name: string): string {
  return name.replace(/[^ -~]/g, '_').replace(/["\\]/g, '_');
}
