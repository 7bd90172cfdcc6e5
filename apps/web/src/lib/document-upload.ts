/**
 * A file through the documents API: ask for a one-time upload URL (e.g. a lot's lab report, or an
 * applicant's PAN card), then POST the raw file to it. The server checks size and type by content;
 * its error arrives as `{ error: { code, message } }`.
 */
type UploadStart = { uploadUrl: string; documentId: string };

export async function uploadDocumentFile(start: () => Promise<UploadStart>, file: File): Promise<string> {
  const { uploadUrl, documentId } = await start();
  const response = await fetch(uploadUrl, {
    method: 'POST',
    body: file,
    credentials: 'same-origin',
    headers: { 'content-type': file.type || 'application/octet-stream', 'x-file-name': encodeURIComponent(file.name) },
  });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
    throw new Error(body?.error?.message ?? `Upload failed (${response.status})`);
  }
  return documentId;
}
