import type { Page } from '@playwright/test';
import { templates } from '../../packages/engine/src/templates';
import { createFlow } from '../support/api';
import { builder } from '../support/builder-page';
import { latestCallEvents, timesOf } from './support/call-events';
import { expect, test } from './support/fixtures';
import { loadLine, sayLine } from './support/scripted-mic';

const receptionist = templates.find((t) => t.id === 'receptionist')?.spec;
const BILL = 'I have a question about my bill';
const WRONG = 'my invoice is wrong';
// Billing greets at more length than the template, so the caller has seconds to talk over it.
const BILLING_GREETING =
  'Billing here. I can help with invoices, payments, refunds and anything else about your account. What is your invoice number?';

test.use({ permissions: ['microphone'] });

/** The playback node's counters, as the tester's meter exposes them. */
async function playback(page: Page) {
  const meter = page.getByTestId('playback-meter');
  return {
    sounding: Number(await meter.getAttribute('data-sounding-samples')),
    sampleRate: Number(await meter.getAttribute('data-sample-rate')),
    bufferedMs: Number(await meter.getAttribute('data-buffered-ms')),
    firstAudioMs: await meter.getAttribute('data-first-audio-ms'),
  };
}

/** Resolves once `seconds` more of agent audio have been heard than when it was called. */
function agentHeardFor(page: Page, seconds: number) {
  return page.evaluate(
    (wanted) =>
      new Promise<void>((resolve) => {
        const meter = document.querySelector('[data-testid="playback-meter"]');
        const sounding = () => Number(meter?.getAttribute('data-sounding-samples'));
        const start = sounding();
        const check = () => {
          if (sounding() - start < wanted * Number(meter?.getAttribute('data-sample-rate'))) return;
          observer.disconnect();
          resolve();
        };
        const observer = new MutationObserver(check);
        if (meter) observer.observe(meter, { attributes: true });
      }),
    seconds,
  );
}

/**
 * Agent audio heard (sounding samples of the playback meter) from when the timeline shows the
 * interruption to when the caller's words are transcribed, both read inside the page the moment
 * the tester renders them, so a slow test process cannot stretch the window.
 */
function heardBetweenInterruptionAndWords(page: Page, words: string) {
  return page.evaluate(
    (text) =>
      new Promise<{ samples: number; sampleRate: number }>((resolve) => {
        const meter = () => document.querySelector('[data-testid="playback-meter"]');
        const sounding = () => Number(meter()?.getAttribute('data-sounding-samples'));
        let atInterruption: number | null = null;
        const check = () => {
          const timeline = document.querySelector('[aria-label="Timeline"]')?.textContent ?? '';
          if (atInterruption === null && timeline.includes('Caller interrupted the agent')) atInterruption = sounding();
          const said = document.querySelectorAll('[data-testid="transcript-user"]')[1]?.textContent ?? '';
          if (atInterruption === null || !said.includes(text)) return;
          observer.disconnect();
          resolve({
            samples: sounding() - atInterruption,
            sampleRate: Number(meter()?.getAttribute('data-sample-rate')),
          });
        };
        const observer = new MutationObserver(check);
        observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
        check();
      }),
    words,
  );
}

test('a spoken test call: transcript, handoff on the canvas, agent audio, barge-in, typing, hang-up and replay', async ({
  page,
  request,
}, testInfo) => {
  test.setTimeout(120_000);
  const agents = receptionist?.agents?.map((agent) =>
    agent.id === 'billing' ? { ...agent, greeting: BILLING_GREETING } : agent,
  );
  const id = await createFlow(request, { ...receptionist, agents, name: 'Tester call' });
  await page.goto(`/flows/${id}`);
  await loadLine(page, BILL);
  await loadLine(page, WRONG);
  const b = builder(page);
  await expect(b.nodes).toHaveCount(3);
  await page.getByRole('button', { name: 'Test', exact: true }).click();
  const tester = page.getByRole('complementary', { name: 'Tester' });

  await tester.getByRole('button', { name: 'Start call' }).click();

  // The greeting plays: agent audio reaches the output, non-silent.
  await expect(tester.getByTestId('transcript-agent').first()).toContainText('thanks for calling', { timeout: 15_000 });
  await expect.poll(async () => (await playback(page)).sounding, { timeout: 15_000 }).toBeGreaterThan(2000);
  const firstAudioMs = Number((await playback(page)).firstAudioMs);
  expect(firstAudioMs).toBeGreaterThan(0);
  console.log(
    `[measure] Start call -> first agent audio (local mode, offline providers): ${Math.round(firstAudioMs)} ms`,
  );
  testInfo.annotations.push({ type: 'start-to-first-audio-ms', description: String(Math.round(firstAudioMs)) });
  await expect(b.node('reception')).toHaveClass(/call-active/);

  // Once the greeting has been played, the caller asks about the bill: transcript, reply, handoff.
  const status = tester.getByTestId('agent-status');
  await expect(status).toHaveAttribute('data-state', 'listening', { timeout: 15_000 });
  await sayLine(page, BILL);
  await expect(tester.getByTestId('transcript-user').first()).toContainText(BILL, {
    timeout: 20_000,
  });
  await expect(tester.getByRole('list', { name: 'Timeline' })).toContainText('Handoff reception → billing', {
    timeout: 15_000,
  });
  await expect(b.node('billing')).toHaveClass(/call-active/);
  await expect(page.getByTestId('rf__edge-reception-billing')).toHaveClass(/call-path/);
  await expect(b.node('reception')).not.toHaveClass(/call-active/);
  await page.screenshot({ path: testInfo.outputPath('tester-handoff.png') });
  await testInfo.attach('tester during the call (handoff)', {
    path: testInfo.outputPath('tester-handoff.png'),
    contentType: 'image/png',
  });

  // Billing's greeting is playing: the caller talks over it, however long the machine took to get here.
  await agentHeardFor(page, 0.3);
  const heard = heardBetweenInterruptionAndWords(page, WRONG);
  // Not awaited: the interruption happens while the caller is still talking.
  const bargeIn = sayLine(page, WRONG);

  // The caller speaks while the agent talks: the agent stops at once. Between the interruption
  // and the end of the caller's words, less than half a second more is heard (the agent's
  // next line may start and be cut again), where the rest of what it had to say would take seconds.
  await expect(tester.getByRole('list', { name: 'Timeline' })).toContainText('Caller interrupted the agent', {
    timeout: 20_000,
  });
  // The runtime's clear empties the player's queue: nothing of the cut-off line waits to play.
  await expect.poll(async () => (await playback(page)).bufferedMs).toBe(0);
  await bargeIn;
  await expect(tester.getByTestId('transcript-user').nth(1)).toContainText(WRONG, { timeout: 15_000 });
  const { samples, sampleRate } = await heard;
  expect(samples).toBeLessThan(0.5 * sampleRate);
  // The cut-off agent line is marked (its text is what was actually heard).
  await expect(tester.getByTestId('transcript-agent').filter({ hasText: 'interrupted' }).first()).toBeVisible();
  // Billing answers the invoice complaint with its tool; the call's tools show with arguments.
  await expect(tester.getByRole('list', { name: 'Timeline' })).toContainText('lookup_invoice', { timeout: 20_000 });
  await expect(tester.getByRole('list', { name: 'Timeline' })).toContainText('{"invoice_number":"123"}');
  await page.screenshot({ path: testInfo.outputPath('tester-interruption.png') });
  await testInfo.attach('tester during the call (after the interruption)', {
    path: testInfo.outputPath('tester-interruption.png'),
    contentType: 'image/png',
  });

  // Typing works too.
  await tester.getByLabel('Message to the agent').fill('what is my balance');
  await tester.getByRole('button', { name: 'Send' }).click();
  await expect(tester.getByTestId('transcript-user').filter({ hasText: 'what is my balance' })).toContainText(
    'You (typed)',
  );
  await expect(tester.getByTestId('transcript-agent').last()).toContainText('Could you tell me your invoice number?', {
    timeout: 15_000,
  });
  await expect(tester.getByRole('img', { name: 'Latency per turn' })).toBeVisible();

  await tester.getByRole('button', { name: 'Hang up' }).click();
  await expect(tester.getByRole('status')).toContainText('Call ended (user_hangup)', { timeout: 15_000 });

  // The call is in the history; its replay shows the conversation and the path.
  await tester.getByRole('tab', { name: 'History' }).click();
  const row = tester.getByTestId('call-row').first();
  await expect(row).toContainText('ended');
  await row.getByRole('button', { name: 'Replay' }).click();
  const replay = tester.getByLabel('Call replay');
  await expect(replay.getByRole('list', { name: 'Transcript' })).toContainText(BILL);
  await expect(replay.getByRole('list', { name: 'Timeline' })).toContainText('Handoff reception → billing');
  await expect(page.getByTestId('rf__edge-reception-billing')).toHaveClass(/call-path/);
  await expect(b.node('billing')).toHaveClass(/call-active/);

  // The stored events show each utterance as a turn of its own, and that the second one began
  // after the handoff and was what cut the agent off.
  const events = await latestCallEvents(request, id);
  const spoken = events.filter((event) => event.type === 'transcript' && event.source === 'speech');
  expect(spoken.map((event) => event.text)).toEqual([BILL, WRONG]);
  const [firstSpeech, secondSpeech] = timesOf(events, 'user_speech_started');
  const [handoff] = timesOf(events, 'handoff');
  const [interruption] = timesOf(events, 'interruption');
  const [greetingEnd] = timesOf(events, 'assistant_message');
  expect(firstSpeech).toBeGreaterThan(greetingEnd ?? Number.POSITIVE_INFINITY);
  expect(secondSpeech).toBeGreaterThan(handoff ?? Number.POSITIVE_INFINITY);
  expect(interruption).toBeGreaterThan(secondSpeech ?? Number.POSITIVE_INFINITY);
  console.log(
    `[measure] session times (ms): greeting done ${greetingEnd}, caller speaks ${firstSpeech}, handoff ${handoff}, caller speaks again ${secondSpeech}, interruption ${interruption}`,
  );
});
