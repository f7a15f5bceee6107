import { createFlow } from './support/api';
import { builder } from './support/builder-page';
import { expect, test } from './support/fixtures';

test('build a flow by drag and drop, edit it, see problems come and go, and find it saved after reload', async ({
  page,
  request,
}, testInfo) => {
  const id = await createFlow(request, { name: 'Built by hand' });
  await page.goto(`/flows/${id}`);
  const b = builder(page);

  // Start from an empty canvas: select the blank flow's only agent and delete it with the keyboard.
  await b.node('assistant').click();
  await page.keyboard.press('Delete');
  await expect(b.nodes).toHaveCount(0);
  await expect(b.problems).toContainText('Choose an entry agent');

  await b.dropAgent({ x: 200, y: 200 });
  await b.dropAgent({ x: 600, y: 350 });
  await expect(b.nodes).toHaveCount(2);
  await expect(b.node('agent')).toContainText('Entry');
  await expect(b.problems).toContainText('No handoff leads to "Agent 2"');

  await b.connect('agent', 'agent_2');
  await expect(b.edges).toHaveCount(1);
  await expect(page.getByTestId('edge-label-agent_to_agent_2')).toHaveText('transfer_to_agent_2');
  await expect(b.problems).toContainText('0 errors, 0 warnings');

  // Edit the selected agent's instructions with an unknown variable: an error on the node and in the list.
  await b.node('agent').click();
  const instructions = page.getByLabel('Instructions');
  await instructions.fill('Greet {{caller}} warmly.');
  await expect(b.problems).toContainText('uses {{caller}}, but no variable "caller" is defined');
  await expect(b.node('agent').locator('.issue-badge.error')).toHaveText('1 error');
  await page.screenshot({ path: testInfo.outputPath('builder-with-problem.png') });

  // Choosing the problem focuses the field it is about.
  await page.getByRole('button', { name: /uses \{\{caller\}\}/ }).click();
  await expect(instructions).toBeFocused();
  await instructions.fill('Greet the caller warmly.');
  await expect(b.problems).toContainText('0 errors, 0 warnings');
  await expect(b.node('agent').locator('.issue-badge')).toHaveCount(0);

  // A session setting, which shows its default, unit and explanation.
  await b.tab('Session').click();
  const minDelay = page.getByLabel('Min delay');
  await expect(minDelay).toHaveAttribute('placeholder', 'Default: 500 ms');
  await expect(page.locator('#field-settings__turnHandling__endpointing__minDelay-help')).toContainText(
    'Default: 500 ms · unit: ms',
  );
  await minDelay.fill('300');
  await b.saved();
  await page.screenshot({ path: testInfo.outputPath('builder-session-settings.png') });

  await page.reload();
  await expect(b.nodes).toHaveCount(2);
  await expect(b.edges).toHaveCount(1);
  await b.node('agent').click();
  await expect(page.getByLabel('Instructions')).toHaveValue('Greet the caller warmly.');
  await b.tab('Session').click();
  await expect(page.getByLabel('Min delay')).toHaveValue('300');
  await page.screenshot({ path: testInfo.outputPath('builder.png') });
});

test('undo and redo over the flow, and copy/paste of agents', async ({ page, request }) => {
  const id = await createFlow(request, { name: 'Undo me' });
  await page.goto(`/flows/${id}`);
  const b = builder(page);
  await expect(b.nodes).toHaveCount(1);

  await b.dropAgent({ x: 500, y: 300 });
  await expect(b.nodes).toHaveCount(2);
  await b.node('agent').click();
  await page.getByLabel('Name', { exact: true }).fill('Billing');
  await expect(b.node('agent')).toContainText('Billing');

  // Undo works from the canvas (outside text fields): first the rename, then the drop.
  await b.pane.click({ position: { x: 20, y: 20 } });
  await page.keyboard.press('ControlOrMeta+z');
  await expect(b.node('agent')).toContainText('Agent 2');
  await page.keyboard.press('ControlOrMeta+z');
  await expect(b.nodes).toHaveCount(1);
  await page.keyboard.press('ControlOrMeta+Shift+z');
  await expect(b.nodes).toHaveCount(2);
  await page.getByRole('button', { name: 'Redo' }).click();
  await expect(b.node('agent')).toContainText('Billing');

  // Copy and paste the selected agent.
  await b.node('agent').click();
  await page.keyboard.press('ControlOrMeta+c');
  await page.keyboard.press('ControlOrMeta+v');
  await expect(b.nodes).toHaveCount(3);
  await expect(b.node('agent_2')).toContainText('Billing copy');

  // Moving a node is undoable too.
  const before = await b.node('agent_2').boundingBox();
  await b.node('agent_2').dragTo(b.pane, { targetPosition: { x: 150, y: 500 }, steps: 5 });
  const after = await b.node('agent_2').boundingBox();
  expect(Math.abs((after?.y ?? 0) - (before?.y ?? 0))).toBeGreaterThan(20);
  await page.keyboard.press('ControlOrMeta+z');
  await expect.poll(async () => (await b.node('agent_2').boundingBox())?.y).toBeCloseTo(before?.y ?? 0, 0);
  await b.saved();
});
