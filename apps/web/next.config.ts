import { fileURLToPath } from 'node:url';
import type { NextConfig } from 'next';
import { frameOptionsHeader, staticSecurityHeaders } from './src/server/security-headers';

const config: NextConfig = {
  // Tests build into their own directory so a run never clobbers a developer's `.next`.
  distDir: process.env.PARLEY_WEB_DIST_DIR ?? '.next',
  // Our workspace packages export TypeScript source, so Next compiles them.
  transpilePackages: ['@parley/engine', '@parley/db', '@parley/calls'],
  // Loaded by Node at run time instead of bundled: the pg driver adapter (pg and @prisma/client are external by default).
  serverExternalPackages: ['@prisma/adapter-pg'],
  // The monorepo root holds node_modules and the lockfile.
  turbopack: { root: fileURLToPath(new URL('../..', import.meta.url)) },
  poweredByHeader: false,
  // nosniff and Referrer-Policy on everything, X-Frame-Options on all but the widget pages (their
  // framing is the CSP's frame-ancestors); the CSP (with its nonce) is set in proxy.ts.
  headers: async () => [
    { source: '/:path*', headers: staticSecurityHeaders },
    { source: '/:path((?!embed/).*)', headers: [frameOptionsHeader] },
  ],
};

export default config;
