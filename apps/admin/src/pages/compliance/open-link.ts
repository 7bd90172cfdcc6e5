/** Opens a signed download link (same origin); the browser saves the attachment. */
export function openSignedLink(url: string): void {
  const a = document.createElement('a');
  a.href = url;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
}
