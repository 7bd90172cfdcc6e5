import type { SessionCookieJar } from '@kapas/api';

/** `__Host-` needs Secure; without Secure cookies (plain HTTP off localhost) a plain name is used. */
export function sessionCookieName(secure: boolean): string {
  return secure ? '__Host-kapas_session' : 'kapas_session';
}

export function readCookie(header: string | null | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return null;
}

export function sessionCookieJar(secure: boolean, append: (setCookie: string) => void): SessionCookieJar {
  const name = sessionCookieName(secure);
  const attrs = `Path=/; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`;
  return {
    set: (token, expiresAt) => append(`${name}=${encodeURIComponent(token)}; ${attrs}; Expires=${expiresAt.toUTCString()}`),
    clear: () => append(`${name}=; ${attrs}; Max-Age=0`),
  };
}

export function bearerToken(header: string | null | undefined): string | null {
  const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  return match?.[1] ?? null;
}
