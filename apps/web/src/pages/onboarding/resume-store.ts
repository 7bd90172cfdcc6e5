/** The applicant's resume token, kept in this browser so closing the tab loses nothing. */
const KEY = 'kapas.onboarding.resume';

export function savedResumeToken(): string | null {
  try {
    return window.localStorage.getItem(KEY);
  } catch {
    return null;
  }
}

export function saveResumeToken(token: string): void {
  try {
    window.localStorage.setItem(KEY, token);
  } catch {
    // Private mode: the link shown on screen is the only copy.
  }
}

export function forgetResumeToken(): void {
  try {
    window.localStorage.removeItem(KEY);
  } catch {
    // nothing stored
  }
}

export function resumeLink(token: string): string {
  return `${window.location.origin}/become-a-partner?resume=${encodeURIComponent(token)}`;
}
