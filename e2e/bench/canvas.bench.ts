/**
 * Canvas benchmark (numbers, not assertions): a generated 300-agent flow in the real builder.
 * Each of 3 rounds launches a fresh Chromium (no HTTP or code cache), loads the builder once cold
 * and 3 times warm, timing when every node is rendered and measured (target < 1 s), then drags a
 * node and times the frames. Run: `npx tsx e2e/bench/canvas.bench.ts` (DATABASE_URL optional).
 */
import { type Browser, chromium, request as playwrightRequest } from '@playwright/test';
import { generateFlow } from '../../packages/engine/bench/generate-flow';
import { percentile, printResults } from '../../packages/engine/bench/stats';
import { e2eAdmin } from '../support/admin-account';
import { openE2eDatabase } from '../support/test-database';
import { ensureE2eBuild, startWeb } from '../support/web-server';

const AGENTS = 300;
const EDGES = 600;
const ROUNDS = 3;
const WARM_LOADS = 3;

// Scripts go in as text: tsx would wrap inline functions in helpers the page does not have.
/** Records, in the page's own clock, when all nodes are drawn and measured (unmeasured ones are hidden). */
const allNodesProbe = `
  const check = () => {
    const nodes = [...document.querySelectorAll('.react-flow__node')];
    if (nodes.length >= ${AGENTS} && nodes.every((n) => n.style.visibility !== 'hidden')) {
      window.__allNodesAt = performance.now();
    } else requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
`;
const frameProbe = `
  window.__frames = [];
  let last = performance.now();
  const tick = (now) => {
    window.__frames.push(now - last);
    last = now;
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
`;

type Storage = Awaited<ReturnType<Awaited<ReturnType<typeof playwrightRequest.newContext>>['storageState']>>;

/** One round in a fresh browser: cold load, warm loads, then a drag; times in ms. */
async function round(browser: Browser, url: string, storageState: Storage) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, storageState });
  const page = await context.newPage();
  await page.addInitScript(allNodesProbe);
  const loads: number[] = [];
  for (let load = 0; load <= WARM_LOADS; load++) {
    await page.goto(url);
    await page.waitForFunction('window.__allNodesAt !== undefined', undefined, { timeout: 30_000 });
    loads.push((await page.evaluate('window.__allNodesAt')) as number);
  }
  await page.evaluate(frameProbe);
  const box = await page.locator('.react-flow__node[data-id="agent_0"]').boundingBox();
  if (!box) throw new Error('agent_0 is not on screen');
  const start = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  for (let i = 1; i <= 120; i++) {
    await page.mouse.move(start.x + i * 3, start.y + Math.sin(i / 10) * 60);
  }
  await page.mouse.up();
  const frames = ((await page.evaluate('window.__frames')) as number[]).slice(1);
  await context.close();
  return { cold: loads[0] as number, warm: loads.slice(1), frames };
}

/** Runs the canvas benchmark against a freshly started server and returns its numbers (ms). */
export async function runCanvasBench(): Promise<Record<string, number>> {
  ensureE2eBuild();
  const database = await openE2eDatabase();
  const server = await startWeb(database.url, {
    PARLEY_ADMIN_EMAIL: e2eAdmin.email,
    PARLEY_ADMIN_PASSWORD: e2eAdmin.password,
  }).catch(async (error) => {
    await database.close();
    throw error;
  });
  try {
    const api = await playwrightRequest.newContext({ baseURL: server.url });
    const signIn = await api.post('/api/auth/signin', { data: e2eAdmin });
    if (signIn.status() !== 200) throw new Error(`signing in failed: HTTP ${signIn.status()}`);
    const { csrfToken } = (await signIn.json()) as { csrfToken: string };
    const created = await api.post('/api/flows', {
      data: generateFlow(AGENTS, EDGES),
      headers: { 'x-csrf-token': csrfToken },
    });
    if (created.status() !== 201) throw new Error(`creating the flow failed: HTTP ${created.status()}`);
    const { flow } = (await created.json()) as { flow: { id: string } };
    const storageState = await api.storageState();
    await api.dispose();

    const results: Record<string, number> = {};
    const cold: number[] = [];
    const warm: number[] = [];
    const frames: number[] = [];
    for (let r = 1; r <= ROUNDS; r++) {
      const browser = await chromium.launch({
        executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-background-networking',
          '--disable-component-update',
          '--no-first-run',
        ],
      });
      try {
        const run = await round(browser, `${server.url}/flows/${flow.id}`, storageState);
        cold.push(run.cold);
        warm.push(...run.warm);
        frames.push(...run.frames);
        results[`round ${r}: cold first render ms`] = run.cold;
        results[`round ${r}: warm first render p50 ms`] = percentile(run.warm, 50);
        results[`round ${r}: drag frame p50 ms`] = percentile(run.frames, 50);
        results[`round ${r}: drag frame p95 ms`] = percentile(run.frames, 95);
        results[`round ${r}: drag frame max ms`] = Math.max(...run.frames);
      } finally {
        await browser.close();
      }
    }
    return {
      ...results,
      'all rounds: cold first render p50 ms (fresh browser, from navigation start)': percentile(cold, 50),
      'all rounds: warm first render p50 ms': percentile(warm, 50),
      'all rounds: drag frame p50 ms': percentile(frames, 50),
      'all rounds: drag frame p95 ms': percentile(frames, 95),
      'all rounds: drag frame max ms': Math.max(...frames),
      'all rounds: drag frames measured': frames.length,
    };
  } finally {
    await server.stop();
    await database.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  printResults(`canvas (${AGENTS} agents, ${EDGES} edges; targets: first render < 1000 ms)`, await runCanvasBench());
}
