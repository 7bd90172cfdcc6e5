import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Hono } from 'hono';

/**
 * Serves a built Vite SPA under a base path: real files as they are (hashed assets cached for a
 * year), and index.html for every other path so client-side routes survive a reload.
 */
export function mountSpa(app: Hono, base: '/' | '/admin', root: string): void {
  const indexFile = join(root, 'index.html');
  if (!existsSync(indexFile)) return;
  const indexHtml = readFileSync(indexFile, 'utf8');
  const prefix = base === '/' ? '' : base;
  const pattern = base === '/' ? '/*' : `${base}/*`;
  app.use(
    pattern,
    serveStatic({
      root,
      rewriteRequestPath: (path) => path.slice(prefix.length) || '/',
      onFound: (path, c) => {
        if (path.includes('/assets/')) c.header('Cache-Control', 'public, max-age=31536000, immutable');
      },
    }),
  );
  app.get(pattern, (c) => {
    c.header('Cache-Control', 'no-cache');
    return c.html(indexHtml);
  });
  if (base !== '/') app.get(base, (c) => c.redirect(`${base}/`));
}
