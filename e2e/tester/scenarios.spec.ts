import { templates } from '../../packages/engine/src/templates';
import { createFlow } from '../support/api';
import { builder } from '../support/builder-page';
import { expect, test } from './support/fixtures';

const receptionist = templates.find((t) => t.id === 'receptionist')?.spec;

test("scenarios: the template's suite passes, a wrong expectation fails with its reason, and publish asks first", async ({
  page,
  request,
}) => {
  const id = await createFlow(request, { ...receptionist, name: 'Scenario flow' });
  await page.goto(`/flows/${id}`);
  await page.getByRole('button', { name: 'Test', exact: true }).click();
  const tester = page.getByRole('complementary', { name: 'Tester' });
  await tester.getByRole('tab', { name: 'Scenarios' }).click();

  const text = tester.getByRole('textbox', { name: 'Scenarios' });
  await expect(text).toHaveValue(/## A bill question reaches billing.*\[billing-question\]/);
  await tester.getByRole('button', { name: 'Run scenarios' }).click();
  await expect(tester.getByRole('status')).toContainText('All 6 scenarios passed', { timeout: 60_000 });

  // Expect the bill question to reach support: the scenario fails, saying what happened instead.
  const edited = (await text.inputValue()).replace('handoff: billing', 'handoff: support');
  await text.fill(edited);
  await tester.getByRole('button', { name: 'Run scenarios' }).click();
  await expect(tester.getByRole('status')).toContainText('1 of 6 scenarios did not pass', { timeout: 60_000 });
  const failed = tester.getByTestId('scenario-billing-question');
  await expect(failed).toContainText('failed');
  await expect(failed).toContainText('handoff: support — expected a handoff to support, but it went to billing');

  // A text mistake is pointed out by line, and nothing runs.
  await text.fill(`${edited}\nshouts: loudly`);
  await expect(tester.getByRole('list', { name: 'Scenario text problems' })).toContainText('is not an expectation');
  await expect(tester.getByRole('button', { name: 'Run scenarios' })).toBeDisabled();
  await text.fill(edited);

  // Publishing with a failing scenario asks first; declining publishes nothing.
  await builder(page).tab('Versions').click();
  let asked = '';
  page.once('dialog', (dialog) => {
    asked = dialog.message();
    void dialog.dismiss();
  });
  await page.getByRole('button', { name: 'Publish' }).click();
  await expect.poll(() => asked).toContain('1 scenario(s) failed on their latest run');
  await expect(page.locator('.badge.live')).toHaveCount(0);
});
