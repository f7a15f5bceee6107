import { deleteAllFlows } from './support/api';
import { expect, test } from './support/fixtures';

test('flows list: empty state, create from a template, rename, duplicate, delete', async ({
  page,
  request,
}, testInfo) => {
  await deleteAllFlows(request);
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'No flows yet' })).toBeVisible();

  await page.getByLabel('Name', { exact: true }).fill('Front desk');
  await page.getByLabel('Start from').selectOption({ label: 'Receptionist with billing and support handoffs' });
  await page.getByRole('button', { name: 'Create flow' }).click();
  await expect(page).toHaveURL(/\/flows\/[^/]+$/);
  await expect(page.locator('.react-flow__node')).toHaveCount(3);
  await expect(page.getByRole('heading', { name: 'Front desk' })).toBeVisible();

  await page.getByRole('link', { name: '← Flows', exact: true }).click();
  const rows = page.getByTestId('flow-row');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Not published');
  await expect(rows.first()).toContainText('Edited');
  await page.screenshot({ path: testInfo.outputPath('flows-list.png'), fullPage: true });

  await page.getByRole('button', { name: 'Rename Front desk' }).click();
  await page.getByLabel('New name').fill('Reception line');
  await page.getByRole('button', { name: 'Save name' }).click();
  await expect(page.getByRole('link', { name: 'Reception line', exact: true })).toBeVisible();

  await page.getByRole('button', { name: 'Duplicate Reception line' }).click();
  await expect(page.getByRole('link', { name: 'Reception line (copy)', exact: true })).toBeVisible();
  await expect(rows).toHaveCount(2);

  // Dismissing the confirmation keeps the flow; accepting deletes it.
  page.once('dialog', (dialog) => void dialog.dismiss());
  await page.getByRole('button', { name: 'Delete Reception line (copy)' }).click();
  await expect(rows).toHaveCount(2);
  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('button', { name: 'Delete Reception line (copy)' }).click();
  await expect(rows).toHaveCount(1);
  await expect(page.getByRole('link', { name: 'Reception line (copy)', exact: true })).toHaveCount(0);
});

test('flows list: a blank flow from the appointment template shows its variables', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('Start from').selectOption({ label: 'Appointment booking with variable extraction' });
  await page.getByRole('button', { name: 'Create flow' }).click();
  await expect(page.locator('.react-flow__node')).toHaveCount(1);
  await page.getByRole('tab', { name: 'Variables' }).click();
  await expect(page.getByLabel('Name').first()).toHaveValue('caller_name');
  await expect(page.getByLabel('Name').nth(1)).toHaveValue('preferred_date');
});
