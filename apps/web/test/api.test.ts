import { afterAll, beforeAll } from 'vitest';
import { type LiveKitTwirpDouble, startLiveKitTwirpDouble } from './doubles/livekit-twirp';
import { authSuite } from './suites/auth';
import { callApiSuite } from './suites/call-api';
import { callApiLocalSuite } from './suites/call-api-local';
import { callsListSuite } from './suites/calls-list';
import { concurrencySuite } from './suites/concurrency';
import { embedSuite } from './suites/embed';
import { flowsCrudSuite } from './suites/flows-crud';
import { headersSuite } from './suites/headers';
import { importExportSuite } from './suites/import-export';
import { limitsSuite } from './suites/limits';
import { BROWSER_LIVEKIT_URL, liveKitCallsSuite } from './suites/livekit-calls';
import { notFoundSuite } from './suites/not-found';
import { setupSuite } from './suites/setup';
import { slugsSuite } from './suites/slugs';
import { startupSuite } from './suites/startup';
import { testPolicySuite } from './suites/test-policy';
import { validateSuite } from './suites/validate';
import { versionsSuite } from './suites/versions';
import { webhooksSuite } from './suites/webhooks';
import { createAccount } from './support/accounts';
import { client } from './support/http';
import { useWebServer } from './support/web-server';

// The server runs in LiveKit mode against a local double of LiveKit's API (started first).
const LIVEKIT_KEY = 'APIhttp';
const LIVEKIT_SECRET = 'livekit-http-secret-0123456789abcdef01234';
// Low, so the call-API suite reaches a key's limit in a few requests.
const API_SESSIONS_PER_MINUTE = 5;
let livekit: LiveKitTwirpDouble | undefined;
beforeAll(async () => {
  livekit = await startLiveKitTwirpDouble(LIVEKIT_KEY, LIVEKIT_SECRET);
});
afterAll(async () => {
  await livekit?.close();
});

// One file drives every HTTP suite so the app is built and served once per run.
const server = useWebServer(() => ({
  // Production mode (next start) needs a configured secret to start calls.
  PARLEY_SECRET: 'http-suite-secret-0123456789abcdef',
  LIVEKIT_URL: livekit?.url ?? '',
  LIVEKIT_PUBLIC_URL: BROWSER_LIVEKIT_URL,
  LIVEKIT_API_KEY: LIVEKIT_KEY,
  LIVEKIT_API_SECRET: LIVEKIT_SECRET,
  PARLEY_API_SESSIONS_PER_MINUTE: String(API_SESSIONS_PER_MINUTE),
}));
const api = client(server.url);

// The flow suites run as one signed-in admin of a workspace of their own.
beforeAll(async () => {
  const account = await createAccount();
  await api.signIn(account.email, account.password);
});

authSuite(server.url, server.output);
flowsCrudSuite(api);
notFoundSuite(api);
concurrencySuite(api);
versionsSuite(api);
testPolicySuite(api);
importExportSuite(api);
validateSuite(api);
webhooksSuite(api);
liveKitCallsSuite(api, () => {
  if (!livekit) throw new Error('the LiveKit double is not running');
  return livekit;
});
callApiSuite({
  url: server.url,
  output: server.output,
  livekit: { apiKey: LIVEKIT_KEY, apiSecret: LIVEKIT_SECRET, publicUrl: BROWSER_LIVEKIT_URL },
  sessionsPerMinute: API_SESSIONS_PER_MINUTE,
});
callApiLocalSuite();
embedSuite({ url: server.url, livekit: { apiKey: LIVEKIT_KEY, apiSecret: LIVEKIT_SECRET } });
callsListSuite(server.url);
slugsSuite(server.url);
startupSuite();
headersSuite(server.url);
limitsSuite();
setupSuite();
