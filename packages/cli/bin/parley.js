#!/usr/bin/env node
// The workspace packages are TypeScript sources: tsx loads them, as it does for `npm start`.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/main.ts');
process.exitCode = await main(process.argv.slice(2));
