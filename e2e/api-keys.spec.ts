import { createFlow } from './support/api';
import { expect, test } from './support/fixtures';

test('settings: an API key is shown once, starts sessions of its flow over the call API, and is revoked', async ({
  page,
  context,
  request,
  playwright,
  baseURL,
}) => {
  const flowName = `Call API ${Date.now()}`;
  const flowId = await createFlow(request, {
    schemaVersion: 1,
    name: flowName,
    entryAgentId: 'main',
    agents: [{ id: 'main', name: 'Main', instructions: 'Help the caller.', position: { x: 0, y: 0 } }],
    edges: [],
  });
  expect((await request.post(`/api/flows/${flowId}/publish`, { data: { note: 'v1' } })).status()).toBe(201);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);

  await page.goto('/settings');
  const panel = page.getByRole('region', { name: 'API keys' });
  await panel.getByLabel('Key name').fill('booking backend');
  await panel.getByLabel(flowName).check();
  await panel.getByRole('button', { name: 'Create key' }).click();

  const shown = panel.getByTestId('new-api-key');
  await expect(shown).toHaveText(/^parley_sk_/);
  const key = (await shown.textContent()) ?? '';
  await panel.getByRole('button', { name: 'Copy' }).click();
  await expect(panel.getByRole('button', { name: 'Copied' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(key);
  const row = panel.getByRole('row', { name: /booking backend/ });
  await expect(row).toContainText(key.slice(0, 12));
  await expect(row).toContainText(flowName);

  // Done hides the key for good: not in the page, not after a reload, not in the API's list.
  await panel.getByRole('button', { name: 'Done' }).click();
  await expect(panel.getByTestId('new-api-key')).toHaveCount(0);
  expect(await page.content()).not.toContain(key);
  await page.reload();
  await expect(
    page.getByRole('region', { name: 'API keys' }).getByRole('row', { name: /booking backend/ }),
  ).toBeVisible();
  expect(await page.content()).not.toContain(key);
  expect(await (await request.get('/api/api-keys')).text()).not.toContain(key);

  // A backend without cookies starts a session with the key (local mode: the e2e server has no LiveKit).
  const backend = await playwright.request.newContext({ baseURL });
  const start = () =>
    backend.post(`/api/v1/flows/${flowId}/sessions`, { headers: { authorization: `Bearer ${key}` }, data: {} });
  const started = await start();
  expect(started.status(), await started.text()).toBe(201);
  expect(await started.json()).toMatchObject({ mode: 'local', url: expect.stringMatching(/^ws:\/\//) });

  const panelAgain = page.getByRole('region', { name: 'API keys' });
  await panelAgain.getByRole('button', { name: 'Revoke booking backend' }).click();
  await expect(panelAgain.getByRole('row', { name: /booking backend/ })).toContainText('revoked');
  const refused = await start();
  expect(refused.status()).toBe(401);
  await backend.dispose();
});
