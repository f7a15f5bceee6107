import { beforeAll } from 'vitest';
import { authSuite } from './suites/auth';
import { concurrencySuite } from './suites/concurrency';
import { flowsCrudSuite } from './suites/flows-crud';
import { headersSuite } from './suites/headers';
import { importExportSuite } from './suites/import-export';
import { limitsSuite } from './suites/limits';
import { notFoundSuite } from './suites/not-found';
import { setupSuite } from './suites/setup';
import { validateSuite } from './suites/validate';
import { versionsSuite } from './suites/versions';
import { createAccount } from './support/accounts';
import { client } from './support/http';
import { useWebServer } from './support/web-server';

// One file drives every HTTP suite so the app is built and served once per run.
const server = useWebServer();
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
importExportSuite(api);
validateSuite(api);
headersSuite(server.url);
limitsSuite();
setupSuite();
