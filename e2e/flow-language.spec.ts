import type { FlowSpec } from '../packages/engine/src/flow';
import { createFlow } from './support/api';
import { builder } from './support/builder-page';
import { expect, test } from './support/fixtures';
import { tabTo } from './support/keyboard';

// Written as a v1 document: the builder loads it migrated to v2.
const twoAgents = {
  schemaVersion: 1,
  name: 'Flow language',
  entryAgentId: 'greeter',
  variables: [{ name: 'pin', type: 'string' }],
  agents: [
    { id: 'greeter', name: 'Greeter', instructions: 'Greet.', position: { x: 0, y: 0 } },
    { id: 'human', name: 'Human', instructions: 'Take over.', position: { x: 0, y: 260 } },
  ],
};

test('a global agent (keyboard only) and a condition edge from the palette, with a bad condition shown in place', async ({
  page,
  request,
}, testInfo) => {
  const id = await createFlow(request, twoAgents);
  await page.goto(`/flows/${id}`);
  const b = builder(page);
  await expect(b.nodes).toHaveCount(2);
  const inspector = page.getByRole('complementary', { name: 'Inspector' });

  // Keyboard only: select Human, make it global, say when to transfer.
  await tabTo(page, b.node('human'));
  await page.keyboard.press('Enter');
  const global = inspector.getByLabel('Global agent', { exact: true });
  await tabTo(page, global);
  await page.keyboard.press('Space');
  await expect(global).toBeChecked();
  await tabTo(page, inspector.getByLabel('When to transfer here'));
  await page.keyboard.type('The caller asks for a person.');
  await expect(b.node('human').locator('.global-badge')).toHaveText('Global');
  // Reachable without a drawn edge: no "unreachable" warning for Human.
  await expect(b.problems).toContainText('0 errors, 0 warnings');

  // From the palette: drop a Say node, connect Greeter to it, make the edge a condition.
  await page.getByRole('button', { name: 'Say', exact: true }).dragTo(b.pane, { targetPosition: { x: 640, y: 460 } });
  await expect(b.nodes).toHaveCount(3);
  const say = b.nodes.filter({ hasText: 'Say 3' });
  await expect(say.locator('.kind-badge')).toHaveText('Say');
  await inspector.getByLabel('Line').fill('Please enter your PIN, then press hash.');
  // Its keypad step fills the pin variable.
  await inspector.getByText('On entering: tool and keypad').click();
  await inspector.getByLabel('Collect key presses into').selectOption('pin');
  await inspector.getByLabel('Ends with key').selectOption('#');
  const sayId = await say.getAttribute('data-id');
  if (!sayId) throw new Error('the say node has no id');
  await b.connect('greeter', sayId);
  await expect(b.edges).toHaveCount(1);
  // A say node's connection is its next step: drawn like any other, labelled "next".
  await expect(b.problems).toContainText(`The say node "Say 3" leads nowhere`);
  await b.connect(sayId, 'human');
  await expect(b.edges).toHaveCount(2);
  await expect(page.locator('.handoff-label').filter({ hasText: /^next$/ })).toHaveCount(1);
  await b.node('greeter').click();
  await inspector.getByRole('button', { name: /→ Say 3/ }).click();
  await expect(inspector.getByRole('heading', { name: 'Handoff' })).toBeVisible();
  await inspector.getByLabel('Taken when').selectOption('condition');
  const condition = inspector.getByLabel('Condition', { exact: true });

  // A condition comparing a string variable with a number: the problem shows right under the field.
  await condition.fill('pin == 1234');
  const problems = inspector.getByTestId('condition-problems');
  await expect(problems).toContainText('compares a string with a number');
  await expect(problems).toContainText('condition_type_mismatch');
  await expect(b.problems).toContainText('compares a string with a number');
  await page.screenshot({ path: testInfo.outputPath('condition-problem-1440.png') });
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.screenshot({ path: testInfo.outputPath('condition-problem-1280.png') });

  await condition.fill('pin == "1234"');
  await expect(problems).toHaveCount(0);
  const edgeId = (await b.edges.filter({ has: page.locator('.handoff-edge.condition') }).getAttribute('data-id')) ?? '';
  await expect(page.getByTestId(`edge-label-${edgeId}`)).toHaveText('if pin == "1234"');
  await expect(b.problems).toContainText('0 errors, 0 warnings');
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.screenshot({ path: testInfo.outputPath('condition-edge-1440.png') });

  // Saved: after a reload the global flag and the condition are still there.
  await b.saved();
  await page.reload();
  await expect(b.node('human').locator('.global-badge')).toHaveText('Global');
  await expect(page.getByTestId(`edge-label-${edgeId}`)).toHaveText('if pin == "1234"');
  await say.click();
  await expect(inspector.getByLabel('Collect key presses into')).toHaveValue('pin');
  await expect(inspector.getByLabel('Ends with key')).toHaveValue('#');

  // A webhook of Greeter routes its result by a JSON path; a bad path is shown in place.
  await b.node('greeter').click();
  await inspector.getByRole('button', { name: 'Add webhook tool' }).click();
  await inspector.getByRole('button', { name: 'Route the result' }).click();
  const resultPath = inspector.getByLabel('Route by result path');
  await resultPath.fill('status');
  await expect(inspector.getByRole('alert').filter({ hasText: 'The path must start with "$"' })).toBeVisible();
  await expect(b.problems).toContainText('The result path "status" of "webhook_1" must start with "$"');
  await resultPath.fill('$.status');
  await inspector.getByRole('button', { name: 'Add value' }).click();
  await inspector.getByLabel('When the value is (1)').fill('closed');
  await inspector.getByLabel('Go to', { exact: true }).selectOption('human');
  await expect(b.problems).not.toContainText('result path');
  await page.screenshot({ path: testInfo.outputPath('result-branches-1440.png') });
});

test('speech settings and the on-enter tool’s arguments are set in the inspector and saved in the draft', async ({
  page,
  request,
}, testInfo) => {
  const withWebhook = {
    ...twoAgents,
    agents: [
      {
        ...twoAgents.agents[0],
        tools: [
          {
            type: 'webhook',
            name: 'lookup',
            url: 'https://example.test/lookup',
            parameters: { type: 'object', properties: { account: { type: 'string' }, limit: { type: 'integer' } } },
          },
        ],
      },
      twoAgents.agents[1],
    ],
  };
  const id = await createFlow(request, withWebhook);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(`/flows/${id}`);
  const b = builder(page);
  await expect(b.nodes).toHaveCount(2);
  const inspector = page.getByRole('complementary', { name: 'Inspector' });

  // The on-enter webhook gets one field per parameter, typed as declared.
  await b.node('greeter').click();
  await inspector.getByText('On entering: tool and keypad').click();
  await inspector.getByLabel('Call on entering').selectOption('lookup');
  await inspector.getByLabel('Argument account').fill('{{caller_id}}');
  await inspector.getByLabel('Argument limit').fill('3');

  await b.tab('Session').click();
  await inspector.getByLabel('Max words').fill('40');
  await inspector.getByLabel(/^Max duration/).fill('15000');
  await inspector.getByLabel('Cut-in line').fill('Let me stop you there.');
  await inspector.getByLabel('Filter markdown and emoji').check();
  await inspector.getByRole('button', { name: 'Add pronunciation' }).click();
  await inspector.getByLabel('Word', { exact: true }).fill('SQL');
  await inspector.getByLabel('Say', { exact: true }).fill('sequel');
  await inspector.getByRole('button', { name: 'Add pronunciation' }).click();
  await inspector.getByLabel('Word', { exact: true }).nth(1).fill('GIF');
  await inspector.getByLabel('Say', { exact: true }).nth(1).fill('jif');
  await inspector.getByLabel('Word', { exact: true }).nth(1).scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('speech-settings-1440.png') });
  await inspector.getByRole('button', { name: 'Remove pronunciation GIF' }).click();
  await expect(inspector.getByLabel('Word', { exact: true })).toHaveCount(1);
  await b.saved();

  const response = await request.get(`/api/flows/${id}`);
  expect(response.ok()).toBe(true);
  const { flow } = (await response.json()) as { flow: { draft: FlowSpec } };
  expect(flow.draft.settings.userTurnLimit).toEqual({
    maxWords: 40,
    maxDurationMs: 15000,
    line: 'Let me stop you there.',
  });
  expect(flow.draft.settings.speech).toEqual({ filterMarkup: true, pronunciations: [{ word: 'SQL', say: 'sequel' }] });
  const greeter = flow.draft.agents.find((a) => a.id === 'greeter');
  expect(greeter?.onEnter?.tool).toEqual({ name: 'lookup', args: { account: '{{caller_id}}', limit: 3 } });

  // Clearing both limits removes the turn limit.
  await inspector.getByLabel('Max words').fill('');
  await inspector.getByLabel(/^Max duration/).fill('');
  await expect(inspector.getByLabel('Cut-in line')).toHaveCount(0);
  await b.saved();
  const cleared = (await (await request.get(`/api/flows/${id}`)).json()) as { flow: { draft: FlowSpec } };
  expect(cleared.flow.draft.settings.userTurnLimit).toBeUndefined();
});
