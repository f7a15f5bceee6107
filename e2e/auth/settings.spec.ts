import { expect, test } from '../support/fixtures';

test('settings: a secret is set write-only and its value never comes back; the allow-list takes a range', async ({
  page,
}) => {
  const value = `sk-e2e-${Date.now()}-never-shown`;
  await page.goto('/');
  await page.getByRole('link', { name: 'Settings' }).click();
  await expect(page).toHaveURL(/\/settings$/);

  const secretsPanel = page.getByRole('region', { name: 'Secrets' });
  await secretsPanel.getByLabel('Secret name').fill('CRM_TOKEN');
  await secretsPanel.getByLabel('Secret value').fill(value);
  await secretsPanel.getByRole('button', { name: 'Set secret' }).click();
  await expect(secretsPanel.getByText('CRM_TOKEN')).toBeVisible();
  await expect(secretsPanel.getByLabel('Secret value')).toHaveValue('');

  const allowList = page.getByRole('region', { name: 'Webhook allow-list' });
  await allowList.getByLabel('Host or range').fill('10.0.0.0/8');
  await allowList.getByRole('button', { name: 'Allow' }).click();
  await expect(allowList.getByText('10.0.0.0/8')).toBeVisible();

  // After a reload the name is listed and the value is nowhere: not in the page, not in the API.
  await page.reload();
  await expect(page.getByRole('region', { name: 'Secrets' }).getByText('CRM_TOKEN')).toBeVisible();
  expect(await page.content()).not.toContain(value);
  const listed = await page.request.get('/api/secrets');
  expect(await listed.text()).not.toContain(value);

  await page.getByRole('region', { name: 'Secrets' }).getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByRole('region', { name: 'Secrets' }).getByText('CRM_TOKEN')).toHaveCount(0);
});
