/**
 * Canvas benchmark (numbers, not assertions): a generated 300-agent flow in the real builder.
 * Reports time until every node is rendered and measured (target < 1 s) and frame times while a
 * node is dragged. Run: `npx tsx e2e/bench/canvas.bench.ts` (DATABASE_URL optional).
 */
import { chromium } from '@playwright/test';
import { generateFlow } from '../../packages/engine/bench/generate-flow';
import { percentile, printResults } from '../../packages/engine/bench/stats';
import { openE2eDatabase } from '../support/test-database';
import { buildIsStale, buildWeb, startWeb } from '../support/web-server';

const AGENTS = 300;
const EDGES = 600;

/** Runs the canvas benchmark against a freshly started server and returns its numbers (ms). */
export async function runCanvasBench(): Promise<Record<string, number>> {
  if (buildIsStale()) await buildWeb();
  const database = await openE2eDatabase();
  const server = await startWeb(database.url).catch(async (error) => {
    await database.close();
    throw error;
  });
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
    const created = await fetch(`${server.url}/api/flows`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(generateFlow(AGENTS, EDGES)),
    });
    if (created.status !== 201) throw new Error(`creating the flow failed: HTTP ${created.status}`);
    const { flow } = (await created.json()) as { flow: { id: string } };

    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    // Record, in the page's own clock, when all nodes are drawn and measured (unmeasured ones are hidden).
    // Scripts go in as text: tsx would wrap inline functions in helpers the page does not have.
    await page.addInitScript(`
      const check = () => {
        const nodes = [...document.querySelectorAll('.react-flow__node')];
        if (nodes.length >= ${AGENTS} && nodes.every((n) => n.style.visibility !== 'hidden')) {
          window.__allNodesAt = performance.now();
        } else requestAnimationFrame(check);
      };
      requestAnimationFrame(check);
    `);

    const firstRender: number[] = [];
    for (let run = 0; run < 3; run++) {
      await page.goto(`${server.url}/flows/${flow.id}`);
      await page.waitForFunction('window.__allNodesAt !== undefined', undefined, { timeout: 30_000 });
      firstRender.push((await page.evaluate('window.__allNodesAt')) as number);
    }

    await page.evaluate(`
      window.__frames = [];
      let last = performance.now();
      const tick = (now) => {
        window.__frames.push(now - last);
        last = now;
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    `);
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
    return {
      'first render of all nodes, p50 of 3 loads (ms from navigation start)': percentile(firstRender, 50),
      'first render of all nodes, first (cold) load ms': firstRender[0] ?? Number.NaN,
      'drag frame time p50 ms': percentile(frames, 50),
      'drag frame time p95 ms': percentile(frames, 95),
      'drag frames measured': frames.length,
    };
  } finally {
    await browser.close();
    await server.stop();
    await database.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  printResults(`canvas (${AGENTS} agents, ${EDGES} edges; targets: first render < 1000 ms)`, await runCanvasBench());
}
