import { createFlow } from '../support/api';
import { expect, test } from '../support/fixtures';
import { openE2eDatabase } from '../support/test-database';
import { startWeb } from '../support/web-server';

const signedOut = { cookies: [], origins: [] };

test.describe('first run, sign-in and sign-out', () => {
  // A server of its own on an empty database: the shared one already has its seeded admin.
  let firstRun: { url: string; output(): string; close(): Promise<void> };
  test.beforeAll(async () => {
    const database = await openE2eDatabase();
    const server = await startWeb(database.url, { PARLEY_ADMIN_EMAIL: '', PARLEY_ADMIN_PASSWORD: '' });
    firstRun = {
      url: server.url,
      output: server.output,
      close: async () => {
        await server.stop();
        await database.close();
      },
    };
  });
  test.afterAll(async () => firstRun?.close());
  test.use({ storageState: signedOut });

  test('whoever has the setup code the server printed creates the admin account, signs out and in again', async ({
    page,
    allowConsoleError,
  }) => {
    await page.goto(`${firstRun.url}/`);
    await expect(page).toHaveURL(/\/setup$/);
    await expect(page.getByRole('heading', { name: 'Create the admin account' })).toBeVisible();
    // The operator reads the one-time code off the server's console, as a person would.
    const code = /Parley setup code: (\S+)/.exec(firstRun.output())?.[1] ?? '';
    expect(code).not.toBe('');
    allowConsoleError(/403/);
    await page.getByLabel('Setup code').fill('WRONG-WRONG-WRONG');
    await page.getByLabel('Email').fill('owner@example.com');
    await page.getByLabel('Password').fill('a long first password');
    await page.getByRole('button', { name: 'Create the admin account' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Wrong setup code' })).toBeVisible();
    await page.getByLabel('Setup code').fill(code);
    await page.getByRole('button', { name: 'Create the admin account' }).click();
    await expect(page).toHaveURL(`${firstRun.url}/`);
    await expect(page.getByTestId('signed-in-as')).toHaveText('owner@example.com');

    // Setup happens once: afterwards /setup sends visitors to sign in.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/signin$/);
    await page.goto(`${firstRun.url}/setup`);
    await expect(page).toHaveURL(/\/signin$/);
    await page.goto(`${firstRun.url}/`);
    await expect(page).toHaveURL(/\/signin$/);

    allowConsoleError(/401/);
    await page.getByLabel('Email').fill('owner@example.com');
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Wrong email or password.' })).toBeVisible();

    await page.getByLabel('Password').fill('a long first password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(`${firstRun.url}/`);
    await expect(page.getByTestId('signed-in-as')).toHaveText('owner@example.com');
  });
});

test('a user of another workspace cannot see or open the first workspace’s flows', async ({
  request,
  browser,
  baseURL,
}) => {
  const flowId = await createFlow(request, { name: 'Admin only flow' });
  const stranger = { email: `stranger-${Date.now()}@example.com`, password: 'stranger password 1' };
  const created = await request.post('/api/users', { data: { ...stranger, workspace: 'new' } });
  expect(created.status()).toBe(201);

  const context = await browser.newContext({ baseURL, storageState: signedOut });
  const page = await context.newPage();
  await page.goto('/');
  await expect(page).toHaveURL(/\/signin$/);
  await page.getByLabel('Email').fill(stranger.email);
  await page.getByLabel('Password').fill(stranger.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('signed-in-as')).toHaveText(stranger.email);
  // The list has loaded (its empty state shows) and holds nothing of the admin's workspace.
  await expect(page.getByRole('heading', { name: 'No flows yet' })).toBeVisible();
  await expect(page.getByText('Admin only flow')).toHaveCount(0);
  expect((await page.request.get(`/api/flows/${flowId}`)).status()).toBe(404);
  const listed = (await (await page.request.get('/api/flows')).json()) as { flows: { id: string }[] };
  expect(listed.flows.map((flow) => flow.id)).not.toContain(flowId);
  await context.close();

  // The admin still has it.
  expect((await request.get(`/api/flows/${flowId}`)).status()).toBe(200);
});
