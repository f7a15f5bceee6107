import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifyWebhookSignature } from '../../packages/calls/src';
import { templates } from '../../packages/engine/src/templates';
import { createFlow } from '../support/api';
import { builder } from '../support/builder-page';
import { expect, test } from './support/fixtures';

const receptionist = templates.find((t) => t.id === 'receptionist')?.spec;

test('post-call webhook: set in the builder, secret revealed and rotated, a call delivered after a failed attempt, and its log shown', async ({
  page,
  request,
  allowConsoleError,
}, testInfo) => {
  allowConsoleError(/status of 422/);
  // A real receiver on loopback, which the workspace allow-lists for this test. It fails the
  // first delivery (HTTP 500), so the runtime has to retry.
  const received: { headers: IncomingHttpHeaders; body: string }[] = [];
  const receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      if (received.length === 1) res.statusCode = 500;
      res.end(received.length === 1 ? 'not now' : 'thanks');
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/parley`;
  expect((await request.post('/api/webhook-allowlist', { data: { entry: '127.0.0.1' } })).status()).toBe(201);

  try {
    // The call fails at once (no OpenAI key): a failed call is reported like an ended one.
    const id = await createFlow(request, {
      ...receptionist,
      name: 'Reports its calls',
      settings: { providers: { llm: { provider: 'openai' } } },
    });
    await page.goto(`/flows/${id}`);
    await builder(page).tab('Session').click();
    const settings = page.getByRole('region', { name: 'Post-call webhook' });

    await settings.getByLabel('Webhook URL').fill('hooks.example.com/parley');
    await settings.getByRole('button', { name: 'Add webhook' }).click();
    await expect(settings.getByRole('alert')).toContainText('The webhook URL is not a URL');

    await settings.getByLabel('Webhook URL').fill(hookUrl);
    await settings.getByRole('button', { name: 'Add webhook' }).click();
    await expect(settings.getByRole('status')).toHaveText('Webhook saved.');
    await settings.getByRole('button', { name: 'Reveal' }).click();
    const first = (await settings.getByTestId('webhook-secret').textContent()) ?? '';
    expect(first).toMatch(/^whsec_/);
    page.once('dialog', (dialog) => void dialog.accept());
    await settings.getByRole('button', { name: 'Rotate' }).click();
    await expect(settings.getByRole('status')).toContainText('New signing secret made');
    const secret = (await settings.getByTestId('webhook-secret').textContent()) ?? '';
    expect(secret).toMatch(/^whsec_/);
    expect(secret).not.toBe(first);
    await page.screenshot({ path: testInfo.outputPath('webhook-settings.png') });

    await page.getByRole('button', { name: 'Test', exact: true }).click();
    const tester = page.getByRole('complementary', { name: 'Tester' });
    await tester.getByRole('button', { name: 'Start call' }).click();
    await expect(tester.getByRole('alert')).toContainText('Provider key missing', { timeout: 20_000 });

    // The receiver gets the call, signed with the rotated secret: refused once, then again.
    await expect.poll(() => received.length, { timeout: 20_000 }).toBe(2);
    expect(received[1]?.body).toBe(received[0]?.body);
    const delivery = received[1];
    expect(
      verifyWebhookSignature(delivery?.body ?? '', delivery?.headers['parley-signature'] as string, secret),
    ).toEqual({ ok: true });
    expect(JSON.parse(delivery?.body ?? '{}')).toMatchObject({ type: 'call.ended', call: { status: 'failed' } });

    // The call's replay lists the delivery with its attempt.
    await tester.getByRole('tab', { name: 'History' }).click();
    await tester.getByTestId('call-row').first().getByRole('button', { name: 'Replay' }).click();
    const log = tester.getByRole('region', { name: 'Webhook' });
    await expect(async () => {
      await log.getByRole('button', { name: 'Refresh deliveries' }).click();
      await expect(log.getByTestId('webhook-delivery')).toContainText('delivered', { timeout: 1000 });
    }).toPass({ timeout: 15_000 });
    await expect(log.getByTestId('webhook-delivery')).toContainText(`after 2 attempts (last answer HTTP 200)`);
    await expect(log.getByRole('listitem')).toHaveCount(2);
    await expect(log.getByRole('listitem').first()).toContainText('HTTP 500');
    await expect(log.getByRole('listitem').last()).toContainText('HTTP 200');
    await page.screenshot({ path: testInfo.outputPath('webhook-delivery-log.png') });

    // The inspector folds while a call (or its replay) is shown in the tester: open it again.
    await page.getByRole('complementary', { name: 'Inspector (folded during the call)' }).getByRole('button').click();
    page.once('dialog', (dialog) => void dialog.accept());
    await settings.getByRole('button', { name: 'Remove webhook' }).click();
    await expect(settings.getByRole('status')).toHaveText('Webhook removed.');
    expect((await (await request.get(`/api/flows/${id}/webhook`)).json()).webhook).toBeNull();
  } finally {
    await request.delete('/api/webhook-allowlist?entry=127.0.0.1');
    await new Promise<void>((resolve) => receiver.close(() => resolve()));
  }
});
