import { templates } from '../../packages/engine/src/templates';
import { createFlow } from '../support/api';
import { builder } from '../support/builder-page';
import { expect, test } from './support/fixtures';

const phoneMenu = templates.find((t) => t.id === 'phone-menu')?.spec;

test.use({ permissions: ['microphone'] });

test('the keypad shows only during a local call, and a typed key routes the phone menu', async ({
  page,
  request,
}, testInfo) => {
  test.setTimeout(90_000);
  const id = await createFlow(request, { ...phoneMenu, name: 'Keypad call' });
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(`/flows/${id}`);
  const b = builder(page);
  await page.getByRole('button', { name: 'Test', exact: true }).click();
  const tester = page.getByRole('complementary', { name: 'Tester' });
  const keypad = tester.locator('details.keypad');
  await expect(tester.getByRole('button', { name: 'Start call' })).toBeVisible();
  await expect(keypad).toHaveCount(0);

  await tester.getByRole('button', { name: 'Start call' }).click();
  await expect(tester.getByTestId('transcript-agent').filter({ hasText: 'Press 1' })).toBeVisible({ timeout: 20_000 });
  await keypad.locator('summary').click();
  // Typing while a key has focus presses the typed key (2: billing), not the focused one.
  await keypad.getByRole('button', { name: 'Key 1' }).focus();
  await page.keyboard.press('2');
  await expect(keypad.getByLabel('Keys sent')).toHaveText('2');
  await expect(b.node('billing')).toHaveClass(/call-active/, { timeout: 15_000 });
  await expect(b.node('orders')).not.toHaveClass(/call-active/);
  await page.screenshot({ path: testInfo.outputPath('tester-keypad-1440.png') });

  await tester.getByRole('button', { name: /Hang up/ }).click();
  await expect(keypad).toHaveCount(0, { timeout: 15_000 });
});
