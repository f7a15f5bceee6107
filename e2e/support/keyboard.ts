import type { Locator, Page } from '@playwright/test';

/** Whether `target` is the focused element. */
const isFocused = (target: Locator) => target.evaluate((el) => el === document.activeElement);

/**
 * Presses Tab (or Shift+Tab) until `target` has the focus, as a keyboard user moves through the
 * page; fails when it is not reached within `limit` presses (not reachable by keyboard).
 */
export async function tabTo(page: Page, target: Locator, options: { back?: boolean; limit?: number } = {}) {
  const { back = false, limit = 80 } = options;
  for (let presses = 0; presses < limit; presses++) {
    if (await isFocused(target)) return;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  if (await isFocused(target)) return;
  throw new Error(`${target} was not reached with ${limit} presses of ${back ? 'Shift+Tab' : 'Tab'}`);
}

/** Replaces the text of the focused field by typing, as a user does (select all, then type). */
export async function retype(page: Page, text: string) {
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(text);
}
