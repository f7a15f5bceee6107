import { resolveParleySecret } from '@parley/calls';

/** LiveKit server access: when all three are set, test calls go through LiveKit. */
export interface LiveKitAccess {
  /** The server as this process reaches it (LIVEKIT_URL): agent dispatch goes here. */
  url: string;
  /** The server as browsers reach it (LIVEKIT_PUBLIC_URL, else LIVEKIT_URL). */
  publicUrl: string;
  apiKey: string;
  apiSecret: string;
  /** The name the runtime's agent worker registered with (PARLEY_AGENT_NAME). */
  agentName: string;
}

/** Where the runtime is and how calls are authorized; read from the environment on each use. */
export interface CallsConfig {
  /** PARLEY_SECRET (or the dev secret shared through data/): signs call and scenario-run tokens. */
  secret: string;
  /** The runtime's WebSocket base as the browser reaches it (RUNTIME_PUBLIC_URL). */
  publicUrl: string;
  /** The runtime's HTTP base as this server reaches it (RUNTIME_URL, else derived from the public one). */
  internalUrl: string;
  livekit: LiveKitAccess | null;
}

const trim = (url: string) => url.replace(/\/+$/, '');

/** Reads the calls configuration; throws naming the LiveKit variables when only some are set. */
export function callsConfig(env: Readonly<Record<string, string | undefined>> = process.env): CallsConfig {
  // Without a public URL the runtime is on this machine, on its own port (RUNTIME_PORT, default 3001).
  const publicUrl = trim(env.RUNTIME_PUBLIC_URL || `ws://localhost:${env.RUNTIME_PORT || '3001'}`);
  const internalUrl = trim(env.RUNTIME_URL || publicUrl.replace(/^ws/, 'http'));
  const lk = {
    LIVEKIT_URL: env.LIVEKIT_URL,
    LIVEKIT_API_KEY: env.LIVEKIT_API_KEY,
    LIVEKIT_API_SECRET: env.LIVEKIT_API_SECRET,
  };
  const missing = Object.entries(lk)
    .filter(([, value]) => !value)
    .map(([name]) => name);
  if (missing.length > 0 && missing.length < 3) {
    throw new Error(`LiveKit is half configured: set ${missing.join(', ')} too, or none of them`);
  }
  const livekit =
    missing.length === 0
      ? {
          url: lk.LIVEKIT_URL as string,
          publicUrl: env.LIVEKIT_PUBLIC_URL || (lk.LIVEKIT_URL as string),
          apiKey: lk.LIVEKIT_API_KEY as string,
          apiSecret: lk.LIVEKIT_API_SECRET as string,
          agentName: env.PARLEY_AGENT_NAME || 'parley',
        }
      : null;
  return { secret: resolveParleySecret(env).secret, publicUrl, internalUrl, livekit };
}
