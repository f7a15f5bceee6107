import type { Locator, Page } from '@playwright/test';
import { expect } from './fixtures';

/** Ways to drive the builder the way a user does: pointer on the canvas, labels in panels. */
export function builder(page: Page) {
  const node = (id: string): Locator => page.locator(`.react-flow__node[data-id="${id}"]`);
  const pane = page.locator('.react-flow__pane');
  return {
    node,
    pane,
    nodes: page.locator('.react-flow__node'),
    edges: page.locator('.react-flow__edge'),
    saveStatus: page.getByTestId('save-status'),
    problems: page.getByRole('region', { name: 'Problems' }),
    tab: (name: string) => page.getByRole('tab', { name }),

    /** Drags the palette's Agent item onto the canvas at a point of the pane. */
    async dropAgent(at: { x: number; y: number }) {
      await page.getByRole('button', { name: 'Agent', exact: true }).dragTo(pane, { targetPosition: at });
    },

    /** Drags from one agent's source handle to another agent's target handle. */
    async connect(from: string, to: string) {
      const source = await node(from).locator('.react-flow__handle.source').boundingBox();
      const target = await node(to).locator('.react-flow__handle.target').boundingBox();
      if (!source || !target) throw new Error('handles not visible');
      await page.mouse.move(source.x + source.width / 2, source.y + source.height / 2);
      await page.mouse.down();
      await page.mouse.move(target.x + target.width / 2, target.y + target.height / 2, { steps: 10 });
      await page.mouse.up();
    },

    /** Waits until autosave reports everything saved. */
    async saved() {
      await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');
    },
  };
}
