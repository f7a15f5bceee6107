import { createFlow } from './support/api';
import { builder } from './support/builder-page';
import { expect, test } from './support/fixtures';

test('a second tab saving first makes the other tab show a conflict instead of overwriting', async ({
  page,
  context,
  request,
  allowConsoleError,
}, testInfo) => {
  allowConsoleError(/status of 409/);
  const id = await createFlow(request, { name: 'Contested' });
  const other = await context.newPage();
  await page.goto(`/flows/${id}`);
  await other.goto(`/flows/${id}`);
  const mine = builder(page);
  const theirs = builder(other);

  await theirs.node('assistant').click();
  await other.getByLabel('Instructions').fill('Their version.');
  await theirs.saved();

  await mine.node('assistant').click();
  await page.getByLabel('Instructions').fill('My version.');
  await expect(page.getByRole('alert').filter({ hasText: 'Someone else changed this flow' })).toBeVisible();
  await expect(mine.saveStatus).toHaveAttribute('data-state', 'conflict');
  await page.screenshot({ path: testInfo.outputPath('conflict.png') });

  // Their save stands.
  const stored = await (await request.get(`/api/flows/${id}`)).json();
  expect(stored.flow.draft.agents[0].instructions).toBe('Their version.');

  await page.getByRole('button', { name: 'Reload the flow' }).click();
  await mine.node('assistant').click();
  await expect(page.getByLabel('Instructions')).toHaveValue('Their version.');
  await expect(mine.saveStatus).toHaveAttribute('data-state', 'saved');
});
