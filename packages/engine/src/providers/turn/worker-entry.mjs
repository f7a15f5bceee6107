// Worker threads start as plain Node, without the TypeScript loader their parent runs under
// (vitest or tsx), so register tsx before loading the TypeScript worker body.
import { register } from 'tsx/esm/api';

register();
await import('./worker-host.ts');
