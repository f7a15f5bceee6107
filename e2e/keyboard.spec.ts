import type { FlowSpec } from '../packages/engine/src/flow';
import { createFlow } from './support/api';
import { builder } from './support/builder-page';
import { expect, test } from './support/fixtures';
import { retype, tabTo } from './support/keyboard';

const twoAgents = {
  schemaVersion: 1,
  name: 'Keyboard only',
  entryAgentId: 'greeter',
  agents: [
    { id: 'greeter', name: 'Greeter', instructions: 'Greet.', position: { x: 0, y: 0 } },
    { id: 'billing', name: 'Billing', instructions: 'Help with bills.', position: { x: 400, y: 0 } },
  ],
};

test('every inspector control works from the keyboard alone, and what it changes is saved', async ({
  page,
  request,
}) => {
  const id = await createFlow(request, twoAgents);
  await page.goto(`/flows/${id}`);
  const b = builder(page);
  await expect(b.nodes).toHaveCount(2);
  const inspector = page.getByRole('complementary', { name: 'Inspector' });
  // From here on: keys only.

  // Select an agent on the canvas: Tab to its node (the focus must be visible) and press Enter.
  await tabTo(page, b.node('greeter'));
  const outline = await b
    .node('greeter')
    .locator('.agent-node')
    .evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(outline, 'a focused agent node shows its focus').toBe('solid');
  await page.keyboard.press('Enter');
  const name = inspector.getByLabel('Name', { exact: true });
  await expect(name).toHaveValue('Greeter');

  await tabTo(page, name);
  await retype(page, 'Front desk');
  await tabTo(page, inspector.getByLabel('Instructions'));
  await retype(page, 'Welcome the caller and find out what they need.');

  // A turn-handling override, inside a closed section: open it with Enter, then set a delay.
  await tabTo(page, inspector.getByText('Turn handling overrides'));
  await page.keyboard.press('Enter');
  await tabTo(page, inspector.getByLabel('Min delay'));
  await page.keyboard.type('300');

  // A webhook tool with one parameter.
  await tabTo(page, inspector.getByRole('button', { name: 'Add webhook tool' }));
  await page.keyboard.press('Enter');
  await tabTo(page, inspector.getByLabel('URL'), { back: true });
  await retype(page, 'https://example.com/orders');
  await tabTo(page, inspector.getByRole('button', { name: 'Add parameter' }));
  await page.keyboard.press('Enter');
  await tabTo(page, inspector.locator('.parameter-row input').first(), { back: true });
  await retype(page, 'order_id');
  await page.keyboard.press('Tab');
  await expect(inspector.locator('.parameter-row select')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(inspector.locator('.parameter-row select')).toHaveValue('number');

  // A handoff through "Hand off to": the handoff's inspector replaces the agent's and takes the focus.
  const target = inspector.getByLabel('Hand off to');
  await tabTo(page, target);
  await expect(target).toHaveValue('billing');
  await tabTo(page, inspector.getByRole('button', { name: 'Add handoff' }));
  await page.keyboard.press('Enter');
  await expect(inspector.getByRole('heading', { name: 'Handoff' })).toBeVisible();
  await expect(inspector.locator('.inspector')).toBeFocused();
  await tabTo(page, inspector.getByLabel('When to transfer'));
  await page.keyboard.type('The caller asks about a bill or a payment.');
  const policy = inspector.getByLabel('Context passed on');
  await tabTo(page, policy);
  await page.keyboard.press('ArrowDown');
  await expect(policy).toHaveValue('lastN');
  await tabTo(page, inspector.getByLabel('Turns kept (N)'));
  await retype(page, '4');

  // A session setting, through the Session tab.
  await tabTo(page, page.getByRole('tab', { name: 'Session' }), { back: true });
  await page.keyboard.press('Enter');
  await tabTo(page, inspector.getByLabel('Language'));
  await retype(page, 'de');
  await page.keyboard.press('Tab');
  await b.saved();

  await page.reload();
  const response = await request.get(`/api/flows/${id}`);
  expect(response.ok()).toBe(true);
  const { flow } = (await response.json()) as { flow: { draft: FlowSpec } };
  const greeter = flow.draft.agents.find((a) => a.id === 'greeter');
  expect(greeter?.name).toBe('Front desk');
  expect(greeter?.instructions).toBe('Welcome the caller and find out what they need.');
  expect(greeter?.turnHandling?.endpointing?.minDelay).toBe(300);
  expect(greeter?.tools).toEqual([
    expect.objectContaining({
      type: 'webhook',
      url: 'https://example.com/orders',
      parameters: expect.objectContaining({ properties: { order_id: expect.objectContaining({ type: 'number' }) } }),
    }),
  ]);
  expect(flow.draft.edges).toEqual([
    expect.objectContaining({
      from: 'greeter',
      to: 'billing',
      description: 'The caller asks about a bill or a payment.',
      contextPolicy: 'lastN',
      lastN: 4,
    }),
  ]);
  expect(flow.draft.settings.language).toBe('de');
  await expect(b.node('greeter')).toContainText('Front desk');
});
