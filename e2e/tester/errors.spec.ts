import { templates } from '../../packages/engine/src/templates';
import { createFlow } from '../support/api';
import { expect, test } from './support/fixtures';

const receptionist = templates.find((t) => t.id === 'receptionist')?.spec;

test('a missing provider key is named, and the call is recorded as failed', async ({ page, request }) => {
  const id = await createFlow(request, {
    ...receptionist,
    name: 'Needs a key',
    settings: { providers: { llm: { provider: 'openai' } } },
  });
  await page.goto(`/flows/${id}`);
  await page.getByRole('button', { name: 'Test', exact: true }).click();
  const tester = page.getByRole('complementary', { name: 'Tester' });

  await tester.getByRole('button', { name: 'Start call' }).click();
  await expect(tester.getByRole('alert')).toContainText('Provider key missing: OPENAI_API_KEY', { timeout: 20_000 });
  await expect(tester.getByRole('alert')).toContainText("The flow's LLM is openai");

  await tester.getByRole('tab', { name: 'History' }).click();
  await expect(tester.getByTestId('call-row').first()).toContainText('failed');
});
