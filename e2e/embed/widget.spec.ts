import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext } from '@playwright/test';
import { templates } from '../../packages/engine/src/templates';
import { createFlow } from '../support/api';
import { expect, test } from '../tester/support/fixtures';
import { installScriptedMic, loadLine, sayLine } from '../tester/support/scripted-mic';

const receptionist = templates.find((t) => t.id === 'receptionist')?.spec;
const BILL = 'I have a question about my bill';
// How the Calls page names calls from the widget.
const SOURCE_LABEL = 'Web widget';

/** A visitor of the customer's site: no Parley session, a microphone the test speaks into. */
async function visitor(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ storageState: undefined, permissions: ['microphone'] });
}

/** A page of "the customer's site" on its own origin, holding the widget's iframe (`frame.url`). */
async function customerSite(frame: { url: string }): Promise<{ server: Server; origin: string }> {
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html' });
    response.end(
      `<!doctype html><title>Shop</title><h1>Shop</h1><iframe title="Voice agent" allow="microphone; autoplay" src="${frame.url}" width="360" height="480"></iframe>`,
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

test('a visitor talks to a published flow through the embed page; the Calls page lists it from the widget', async ({
  browser,
  page: admin,
  request,
  baseURL,
}, testInfo) => {
  test.setTimeout(120_000);
  const flowId = await createFlow(request, { ...receptionist, name: 'Widget line' });
  expect((await request.post(`/api/flows/${flowId}/publish`, { data: { note: 'v1' } })).status()).toBe(201);
  const made = await request.post('/api/api-keys', {
    data: { name: 'website', kind: 'publishable', flowIds: [flowId] },
  });
  expect(made.status()).toBe(201);
  const { key } = (await made.json()) as { key: string };

  const context = await visitor(browser);
  const page = await context.newPage();
  await installScriptedMic(page);
  await page.goto(`${baseURL}/embed/${flowId}?key=${encodeURIComponent(key)}`);
  await loadLine(page, BILL);
  await expect(page.getByRole('heading', { name: 'Widget line' })).toBeVisible();
  await page.getByRole('button', { name: 'Start call' }).click();

  await expect(page.getByTestId('transcript-agent').first()).toContainText('thanks for calling', { timeout: 20_000 });
  await expect(page.getByTestId('agent-status')).toHaveAttribute('data-state', 'listening', { timeout: 15_000 });
  await sayLine(page, BILL);
  await expect(page.getByTestId('transcript-user').first()).toContainText(BILL, { timeout: 20_000 });
  await page.screenshot({ path: testInfo.outputPath('widget-call.png') });
  await page.getByRole('button', { name: 'End call' }).click();
  await expect(page.getByRole('status')).toContainText('Call ended', { timeout: 15_000 });
  await context.close();

  const { calls } = (await (await request.get(`/api/flows/${flowId}/calls`)).json()) as {
    calls: { status: string; source: string }[];
  };
  expect(calls).toHaveLength(1);
  expect(calls[0]).toMatchObject({ status: 'ended', source: 'embed' });

  // The workspace's Calls page lists it with where it came from.
  await admin.goto('/calls');
  await admin.getByLabel('Source', { exact: true }).selectOption('embed');
  const row = admin.getByTestId('calls-row').filter({ hasText: 'Widget line' });
  await expect(row).toHaveCount(1);
  await row.getByRole('link').click();
  await expect(admin.getByTestId('call-fact-source')).toHaveText(SOURCE_LABEL);
  await expect(admin.getByRole('list', { name: 'Transcript' }).getByTestId('transcript-user')).toContainText(BILL);
});

test('the widget shows inside the sites its key allows and nowhere else', async ({ browser, request, baseURL }) => {
  const flowId = await createFlow(request, { ...receptionist, name: 'Framed line' });
  expect((await request.post(`/api/flows/${flowId}/publish`, { data: { note: 'v1' } })).status()).toBe(201);
  const frame = { url: 'about:blank' };
  const shop = await customerSite(frame);
  const elsewhere = await customerSite(frame);
  const context = await visitor(browser);
  try {
    const made = await request.post('/api/api-keys', {
      data: { name: 'shop', kind: 'publishable', flowIds: [flowId], allowedOrigins: [shop.origin] },
    });
    expect(made.status()).toBe(201);
    const { key } = (await made.json()) as { key: string };
    frame.url = `${baseURL}/embed/${flowId}?key=${encodeURIComponent(key)}`;

    const page = await context.newPage();
    await page.goto(shop.origin);
    await expect(page.frameLocator('iframe').getByRole('button', { name: 'Start call' })).toBeVisible();
    // Chromium refuses to render the frame on a site the key does not list (CSP frame-ancestors).
    const refused = page.waitForEvent('console', (message) => /frame-ancestors/.test(message.text()));
    await page.goto(elsewhere.origin);
    await refused;
    await expect(page.frameLocator('iframe').getByRole('button', { name: 'Start call' })).toHaveCount(0);
  } finally {
    await context.close();
    shop.server.close();
    elsewhere.server.close();
  }
});
