import { templates } from '../packages/engine/src/templates';
import { createFlow } from './support/api';
import { expect, test } from './support/fixtures';
import { makeTypedCall } from './support/typed-call';

const receptionist = templates.find((t) => t.id === 'receptionist')?.spec;
const QUESTION = 'I have a question about my bill';

test('the Calls page lists the workspace’s calls, filters them by source and opens one with its transcript', async ({
  page,
  request,
}, testInfo) => {
  const flowId = await createFlow(request, { ...receptionist, name: 'Calls page front desk' });
  const callId = await makeTypedCall(request, flowId, QUESTION);
  // The runtime records the end just after the socket closes.
  await expect
    .poll(
      async () =>
        ((await (await request.get(`/api/calls/${callId}`)).json()) as { call: { status: string } }).call.status,
    )
    .toBe('ended');

  await page.goto('/');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Calls' }).click();
  await expect(page.getByRole('heading', { name: 'Calls', level: 1 })).toBeVisible();
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByRole('link', { name: 'Calls' })).toHaveAttribute('aria-current', 'page');
  await expect(nav.getByRole('link', { name: 'Flows' })).not.toHaveAttribute('aria-current');
  const rows = page.getByTestId('calls-row');
  const ours = rows.filter({ hasText: 'Calls page front desk' });
  await expect(ours).toHaveCount(1);

  // No call came from a LiveKit dispatch: the filter empties the list, and the URL keeps it.
  await page.getByLabel('Source', { exact: true }).selectOption('dispatch');
  await expect(page.getByRole('heading', { name: 'No calls match these filters' })).toBeVisible();
  await expect(page).toHaveURL(/\/calls\?source=dispatch$/);
  await page.getByLabel('Source', { exact: true }).selectOption('test');
  await expect(ours).toHaveCount(1);
  await expect(ours).toContainText('Tester');
  await expect(ours).toContainText('ended');
  await page.getByLabel('Flow', { exact: true }).selectOption({ label: 'Calls page front desk' });
  await expect(rows).toHaveCount(1);

  for (const viewport of [
    { width: 1440, height: 900 },
    { width: 1280, height: 720 },
  ]) {
    await page.setViewportSize(viewport);
    await page.screenshot({ path: testInfo.outputPath(`calls-list-${viewport.width}.png`), fullPage: true });
  }

  await ours.getByRole('link').click();
  await expect(page).toHaveURL(new RegExp(`/calls/${callId}$`));
  const transcript = page.getByRole('list', { name: 'Transcript' });
  await expect(transcript.getByTestId('transcript-user')).toContainText(QUESTION);
  await expect(transcript.getByTestId('transcript-agent').first()).toContainText(/\w/);
  await expect(page.getByTestId('call-fact-source')).toHaveText('Tester');
  await expect(page.getByRole('heading', { name: 'Timeline' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Latency per turn' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Speech and end of turn' })).toBeVisible();
  for (const viewport of [
    { width: 1440, height: 900 },
    { width: 1280, height: 720 },
  ]) {
    await page.setViewportSize(viewport);
    await page.screenshot({ path: testInfo.outputPath(`call-detail-${viewport.width}.png`), fullPage: true });
  }

  // Back returns to the filtered list.
  await page.getByRole('link', { name: '← Calls' }).click();
  await expect(page).toHaveURL(/\/calls\?flowId=.*&source=test$/);
  await expect(rows).toHaveCount(1);
});

test('a flow slug is set in the builder, refused in place when taken, and gives the dispatch metadata', async ({
  page,
  request,
  allowConsoleError,
}, testInfo) => {
  // The browser logs the refusals this test provokes.
  allowConsoleError(/status of 422/);
  allowConsoleError(/status of 409/);
  const workspaceSlug = `e2e-${Date.now().toString(36)}`;
  expect((await request.put('/api/workspace/slug', { data: { slug: workspaceSlug } })).status()).toBe(200);
  const taken = await createFlow(request, { ...receptionist, name: 'Slug holder' });
  expect((await request.put(`/api/flows/${taken}/slug`, { data: { slug: 'front-desk' } })).status()).toBe(200);
  const flowId = await createFlow(request, { ...receptionist, name: 'Slug seeker' });

  await page.goto(`/flows/${flowId}`);
  await page.getByRole('tab', { name: 'Session' }).click();
  const form = page.getByRole('form', { name: 'Flow slug' });
  const slug = form.getByLabel('Slug', { exact: true });
  await expect(page.getByTestId('dispatch-metadata-missing')).toBeVisible();

  await slug.fill('Front Desk');
  await form.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(form.getByRole('alert')).toContainText('is not a valid slug');
  await expect(slug).toHaveAttribute('aria-invalid', 'true');

  await slug.fill('front-desk');
  await form.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(form.getByRole('alert')).toHaveText('Another flow of this workspace already uses the slug "front-desk"');

  await slug.fill('front-desk-2');
  await form.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(form.getByRole('status')).toHaveText('Saved.');
  await expect(page.getByTestId('dispatch-metadata')).toHaveText(
    JSON.stringify({ workspace: workspaceSlug, flow: 'front-desk-2' }),
  );
  await page.screenshot({ path: testInfo.outputPath('flow-slug-1440.png') });
  expect((await (await request.get(`/api/flows/${flowId}/slug`)).json()).slug).toBe('front-desk-2');

  await page.goto('/settings');
  await expect(page.getByRole('form', { name: 'Workspace slug' }).getByLabel('Slug')).toHaveValue(workspaceSlug);
  await page.screenshot({ path: testInfo.outputPath('settings-slug-1440.png') });
});
