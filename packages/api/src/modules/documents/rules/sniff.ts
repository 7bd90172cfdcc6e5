/**
 * File type by content (DOMAIN §4: "checked by content (magic bytes), not by file name").
 * Allowed: PDF, JPEG, PNG, DOCX, XLSX. DOCX and XLSX are ZIP archives; they are told apart from
 * any other ZIP by the entry names in the local file headers of the first bytes: an Office file
 * has `[Content_Types].xml` and parts under `word/` (DOCX) or `xl/` (XLSX).
 */
export type AllowedFileType = { mime: string; extension: string };

export const ALLOWED_FILE_TYPES = {
  pdf: { mime: 'application/pdf', extension: 'pdf' },
  jpeg: { mime: 'image/jpeg', extension: 'jpg' },
  png: { mime: 'image/png', extension: 'png' },
  docx: { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extension: 'docx' },
  xlsx: { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extension: 'xlsx' },
} as const satisfies Record<string, AllowedFileType>;

/** How many leading bytes `sniffFileType` wants to see (less is fine when the file is shorter). */
export const SNIFF_BYTES = 64 * 1024;

const startsWith = (head: Uint8Array, magic: readonly number[]): boolean =>
  head.length >= magic.length && magic.every((b, i) => head[i] === b);

const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
const JPEG = [0xff, 0xd8, 0xff];
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const ZIP_LOCAL_HEADER = [0x50, 0x4b, 0x03, 0x04];

/** Entry names of the ZIP local file headers found in `head` (entries cut off at the end are skipped). */
export function zipEntryNames(head: Uint8Array): string[] {
  const names: string[] = [];
  const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
  const decoder = new TextDecoder('utf-8', { fatal: false });
  for (let i = 0; i + 30 <= head.length; i++) {
    if (head[i] !== 0x50 || head[i + 1] !== 0x4b || head[i + 2] !== 0x03 || head[i + 3] !== 0x04) continue;
    const nameLength = view.getUint16(i + 26, true);
    if (nameLength === 0 || i + 30 + nameLength > head.length) continue;
    names.push(decoder.decode(head.subarray(i + 30, i + 30 + nameLength)));
  }
  return names;
}

/** The allowed type of a file from its first bytes, or null when it is not one we accept. */
export function sniffFileType(head: Uint8Array): AllowedFileType | null {
  if (startsWith(head, PDF)) return ALLOWED_FILE_TYPES.pdf;
  if (startsWith(head, PNG)) return ALLOWED_FILE_TYPES.png;
  if (startsWith(head, JPEG)) return ALLOWED_FILE_TYPES.jpeg;
  if (startsWith(head, ZIP_LOCAL_HEADER)) {
    const names = zipEntryNames(head);
    if (!names.includes('[Content_Types].xml')) return null;
    if (names.some((n) => n.startsWith('word/'))) return ALLOWED_FILE_TYPES.docx;
    if (names.some((n) => n.startsWith('xl/'))) return ALLOWED_FILE_TYPES.xlsx;
  }
  return null;
}
