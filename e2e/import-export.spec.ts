import { readFile } from 'node:fs/promises';
import { templates } from '../packages/engine/src/templates';
import { createFlow } from './support/api';
import { builder } from './support/builder-page';
import { expect, test } from './support/fixtures';

const booking = templates.find((t) => t.id === 'appointment-booking')?.spec;

test('export a flow as JSON and import it back, seeing problems before accepting', async ({
  page,
  request,
}, testInfo) => {
  const id = await createFlow(request, { ...booking, name: 'Round trip' });
  await page.goto(`/flows/${id}`);
  const b = builder(page);
  await expect(b.nodes).toHaveCount(1);

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export JSON' }).click();
  const file = testInfo.outputPath('exported.json');
  await (await download).saveAs(file);
  const exported = JSON.parse(await readFile(file, 'utf8'));
  expect(exported.name).toBe('Round trip');
  expect(exported.variables.map((v: { name: string }) => v.name)).toEqual(['caller_name', 'preferred_date']);

  // A file with a problem: it is listed before anything is imported.
  await page.goto('/');
  const broken = { ...exported, name: 'Imported broken', entryAgentId: 'nobody' };
  await page.getByLabel('Import a FlowSpec JSON file').setInputFiles({
    name: 'broken.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(broken)),
  });
  await expect(page.getByRole('region', { name: 'Import preview' })).toContainText(
    'The entry agent "nobody" does not exist.',
  );
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('link', { name: 'Imported broken' })).toHaveCount(0);

  await page.getByLabel('Import a FlowSpec JSON file').setInputFiles(file);
  await expect(page.getByRole('region', { name: 'Import preview' })).toContainText('no problems found');
  await page.getByRole('button', { name: 'Import flow' }).click();
  await expect(page).toHaveURL(/\/flows\/[^/]+$/);
  expect(page.url()).not.toContain(id);
  await expect(page.getByRole('heading', { name: 'Round trip' })).toBeVisible();
  await expect(b.node('booking')).toBeVisible();
  await b.node('booking').click();
  await expect(page.getByLabel('Instructions')).toHaveValue(/\{\{caller_name\}\}/);
});

test('a file that is not a FlowSpec cannot be imported', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('Import a FlowSpec JSON file').setInputFiles({
    name: 'nope.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ hello: 'world' })),
  });
  await expect(page.getByText('This file is not a FlowSpec')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Import flow' })).toBeDisabled();
});
