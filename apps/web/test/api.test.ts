import { concurrencySuite } from './suites/concurrency';
import { flowsCrudSuite } from './suites/flows-crud';
import { importExportSuite } from './suites/import-export';
import { notFoundSuite } from './suites/not-found';
import { validateSuite } from './suites/validate';
import { versionsSuite } from './suites/versions';
import { client } from './support/http';
import { useWebServer } from './support/web-server';

// One file drives every HTTP suite so the app is built and served once per run.
const api = client(useWebServer());

flowsCrudSuite(api);
notFoundSuite(api);
concurrencySuite(api);
versionsSuite(api);
importExportSuite(api);
validateSuite(api);
