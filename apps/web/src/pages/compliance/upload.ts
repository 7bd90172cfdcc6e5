/** Client-side hints only; the server checks size and type by content and decides. */
export const ACCEPT = '.pdf,.jpg,.jpeg,.png,.docx,.xlsx,application/pdf,image/jpeg,image/png';
export const HINT_MAX_BYTES = 5 * 1024 * 1024;

export function uploadHint(file: File): string | null {
  if (file.size > HINT_MAX_BYTES) return 'This file is larger than 5 MB and will probably be refused.';
  if (!/\.(pdf|jpe?g|png|docx|xlsx)$/i.test(file.name)) return 'Only PDF, JPEG, PNG, DOCX and XLSX files are accepted.';
  return null;
}

export type UploadResult = { documentId: string; version: number; fileName: string; mimeType: string };

/** Streams a file to a one-time upload URL (same origin; the session cookie goes along), reporting progress. */
export function uploadFile(url: string, file: File, onProgress: (fraction: number) => void): Promise<UploadResult> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.setRequestHeader('content-type', 'application/octet-stream');
    xhr.setRequestHeader('x-file-name', encodeURIComponent(file.name));
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = null;
      }
      if (xhr.status === 201) resolve(body as UploadResult);
      else {
        const message = (body as { error?: { message?: string } } | null)?.error?.message;
        reject(new Error(message ?? `Upload failed (${xhr.status})`));
      }
    };
    xhr.onerror = () => reject(new Error('The upload was interrupted. Check your connection and try again.'));
    xhr.send(file);
  });
}

/** Asks for a signed link and lets the browser download it. */
export function openLink(url: string): void {
  const a = document.createElement('a');
  a.href = url;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
}
