import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const apiRoot = fileURLToPath(new URL('../../app/api', import.meta.url));

/** Every route.ts under app/api, as the URL path it serves (dynamic segments kept as [name]). */
export function apiRoutePaths(dir = apiRoot): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...apiRoutePaths(path));
    else if (entry.name === 'route.ts')
      found.push(`/api/${relative(apiRoot, dir).split(sep).join('/')}`.replace(/\/$/, ''));
  }
  return found.sort();
}

/** The file of a route path, to read which methods it exports. */
export function routeFile(path: string): string {
  return join(apiRoot, path.replace(/^\/api\/?/, ''), 'route.ts');
}
