// The dashboard as a person uses it: a real Chromium (the binary inside @sparticuz/chromium, driven
// by playwright-core; nothing downloaded) opens /dashboard on the gateway over HTTP, signs in as the
// leader with the persona picker, drills into 戴南镇 and changes the period. Every figure on the page
// must read as the API answers the same operation, replayed by the test as the leader; the Chinese
// text must be drawn with the page's own Noto Sans SC, served by the gateway; no request may leave
// the machine. Screenshots of each view go to test-output/dashboard/ (gitignored).
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import chromium from '@sparticuz/chromium';
import { chromium as playwright, type Browser, type BrowserContext, type Page, type Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { subgraphs } from '@jiefen/schema';
import { startStack, type Stack } from '@jiefen/testing';

const OUT = join(import.meta.dirname, '..', 'test-output', 'dashboard');
const DAINAN = '321281123';

type Unit = 'count' | 'rate' | 'per10k' | 'yuan';

/** The page's reading of a number (packages/dashboard/web/src/format.ts), written out again here on purpose. */
function expectedText(value: unknown, unit: Unit): string {
  if (typeof value !== 'number') return '—';
  if (unit === 'rate') return `${(value * 100).toFixed(1)}%`;
  if (unit === 'per10k') return value.toFixed(2);
  if (unit === 'yuan') return `${new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value)} 元`;
  return new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 0 }).format(value);
}

/**
 * A figure in the API's answer by the page's `data-figure` path: `court.filings`,
 * `children.<code>.court.filings`, `trend.<i>.hub.registered`, `dockingFunnel.<KIND>.sent`,
 * `hub.byChannel.<KEY>` (a breakdown's count), `ranking.<code>` (in the ranking operation's answer).
 */
function valueAt(report: Record<string, unknown>, ranking: { regionCode: string; value: number | null }[] | null, path: string): unknown {
  const steps = path.split('.');
  if (steps[0] === 'ranking') return ranking?.find((r) => r.regionCode === steps[1])?.value;
  let at: unknown = report;
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i]!;
    if (Array.isArray(at)) {
      const parent = steps[i - 1];
      if (parent === 'children') at = at.find((c) => c.regionCode === step);
      else if (parent === 'trend') at = at[Number(step)];
      else if (parent === 'dockingFunnel') at = at.find((r) => r.kind === step);
      else return at.find((b) => b.key === step)?.count;
    } else if (at && typeof at === 'object') at = (at as Record<string, unknown>)[step];
    else return undefined;
  }
  return at;
}

describe('the dashboard in a browser', () => {
  let stack: Stack;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let origin: string;
  const leftTheMachine: string[] = [];
  const fontsServed: string[] = [];
  /** The page's GraphQL requests (documentId and variables), in order. */
  const operations: { documentId: string; variables: Record<string, unknown> }[] = [];

  beforeAll(async () => {
    await mkdir(OUT, { recursive: true });
    [stack, browser] = await Promise.all([
      startStack({ subgraphs, seed: true }),
      chromium.executablePath().then((executablePath) => playwright.launch({ executablePath, args: chromium.args })),
    ]);
    origin = stack.gateway!.url;
    context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    // Offline, as in an agency network: anything not on this machine is refused and remembered.
    await context.route('**/*', (route) => {
      const { hostname } = new URL(route.request().url());
      if (hostname === '127.0.0.1' || hostname === 'localhost') return route.continue();
      leftTheMachine.push(route.request().url());
      return route.abort('blockedbyclient');
    });
    page = await context.newPage();
    page.on('request', (request: Request) => {
      if (request.url() === `${origin}/graphql` && request.method() === 'POST') operations.push(request.postDataJSON());
    });
    page.on('response', (response) => {
      if (/\.woff2?$/.test(response.url()) && response.status() === 200) fontsServed.push(response.url());
    });
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  /** Waits until the view shown (`region|period|granularity`) matches and has finished loading; answers it. */
  async function settled(view: RegExp): Promise<string> {
    await page.waitForFunction(
      (source) => document.body.dataset.loading === 'false' && new RegExp(source).test(document.body.dataset.view ?? ''),
      view.source,
      { timeout: 45_000 },
    );
    return page.evaluate(() => document.body.dataset.view!);
  }

  /** The last request the page sent with this variable (`granularity`: the report; `indicator`: a ranking). */
  function lastOperation(variable: string) {
    const op = [...operations].reverse().find((o) => variable in (o.variables ?? {}));
    if (!op) throw new Error(`the page sent no operation with $${variable}`);
    return op;
  }

  /** Replays the page's last report (and ranking) as the leader and compares every figure on the page with the answer. */
  async function expectFiguresAsTheApiAnswers(): Promise<number> {
    const replay = async (op: { documentId: string; variables: Record<string, unknown> }) => {
      const res = await fetch(`${origin}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${await stack.token('leader')}` },
        body: JSON.stringify(op),
      });
      return (await res.json()) as { data: { indicators: Record<string, unknown> } };
    };
    const report = (await replay(lastOperation('granularity'))).data.indicators;
    const ranked = operations.some((o) => 'indicator' in (o.variables ?? {})) ? await replay(lastOperation('indicator')) : null;
    // The ranking operation asks one block (the one picked) for its ranking.
    const rankedBlock = Object.values(ranked?.data.indicators ?? {}).find((b) => b && typeof b === 'object' && 'ranking' in b);
    const ranking = (rankedBlock as { ranking: { regionCode: string; value: number | null }[] } | undefined)?.ranking ?? null;
    const shown = await page.$$eval('[data-figure]', (els) =>
      els.map((e) => ({ path: (e as HTMLElement).dataset.figure!, unit: (e as HTMLElement).dataset.unit!, text: e.textContent!.trim() })),
    );
    for (const { path, unit, text } of shown) expect(text, path).toBe(expectedText(valueAt(report, ranking, path), unit as Unit));
    return shown.length;
  }

  /** Every visible text is drawn with Noto Sans SC, loaded (no fallback glyphs, no boxes), from the gateway. */
  async function expectChineseInTheLocalFont(): Promise<void> {
    const fonts = await page.evaluate(async () => {
      await document.fonts.ready;
      // Text by the weight it is drawn in: each weight has its own unicode-range subsets to load.
      const byWeight = new Map<string, string>();
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      while (walker.nextNode()) {
        const text = walker.currentNode.textContent?.trim();
        const el = walker.currentNode.parentElement;
        if (!text || !el || el.closest('select, script, style') || !el.checkVisibility()) continue;
        const weight = getComputedStyle(el).fontWeight;
        byWeight.set(weight, (byWeight.get(weight) ?? '') + text);
      }
      return {
        unloaded: [...byWeight].filter(([weight, text]) => !document.fonts.check(`${weight} 16px "Noto Sans SC"`, text)).map(([weight]) => weight),
        weights: byWeight.size,
        chinese: [...byWeight.values()].join('').match(/[\u4e00-\u9fff]/g)?.length ?? 0,
        loaded: [...document.fonts].filter((f) => f.family.replace(/"/g, '') === 'Noto Sans SC' && f.status === 'loaded').length,
        family: getComputedStyle(document.body).fontFamily,
      };
    });
    expect(fonts.family).toContain('Noto Sans SC');
    expect(fonts.chinese).toBeGreaterThan(100);
    expect(fonts.loaded).toBeGreaterThan(0);
    expect(fonts.unloaded).toEqual([]);
    expect(fontsServed.length).toBeGreaterThan(0);
    for (const url of fontsServed) expect(url.startsWith(`${origin}/dashboard/assets/`), url).toBe(true);
  }

  it('signs the leader in and shows the county as the API answers it', async () => {
    await page.goto(`${origin}/dashboard`);
    await page.locator('[data-persona="leader"]').click();
    const view = await settled(/^321281\|/);
    expect(view).toMatch(/^321281\|\d{4}\|MONTH$/);
    await expect.poll(() => page.locator('h1.region-name').textContent()).toBe('兴化市');
    const figures = await expectFiguresAsTheApiAnswers();
    expect(figures).toBeGreaterThan(40);
    expect(await page.locator('.children-table tbody tr').count()).toBeGreaterThan(5);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), 'no horizontal scrolling at 1366×768').toBeLessThanOrEqual(0);
    await expectChineseInTheLocalFont();
    await page.screenshot({ path: join(OUT, 'county-1366x768.png'), fullPage: true });
  });

  it('drills into 戴南镇 and changes the period', async () => {
    await page.locator(`button[data-drill="${DAINAN}"]`).click();
    await settled(/^321281123\|\d{4}\|/);
    await expect.poll(() => page.locator('nav.crumbs').innerText()).toMatch(/兴化市\s*›\s*戴南镇/);
    expect(await expectFiguresAsTheApiAnswers()).toBeGreaterThan(30);
    await page.screenshot({ path: join(OUT, 'town-year.png'), fullPage: true });

    await page.locator('select[name="统计期间类型"]').selectOption('quarter');
    const view = await settled(/^321281123\|\d{4}-Q[1-4]\|/);
    expect(view).toMatch(/\|WEEK$/);
    const label = await page.locator('.period-label').textContent();
    expect(label).toMatch(/^\d{4}年第[1-4]季度$/);
    expect(await expectFiguresAsTheApiAnswers()).toBeGreaterThan(30);
    await expectChineseInTheLocalFont();
    await page.screenshot({ path: join(OUT, 'town-quarter.png'), fullPage: true });
  });

  it('opens the one dispute view from the overdue list, masked as the API masks it for a leader', async () => {
    await page.locator('nav.crumbs [data-crumb="321281"]').click();
    await settled(/^321281\|/);
    const row = page.locator('.overdue-list tr[data-dispute]').first();
    await row.waitFor();
    const number = (await row.locator('td').first().textContent())!.trim();
    await row.click();
    const dialog = page.locator('dialog.dispute-view');
    await expect.poll(() => dialog.locator('[data-dispute-number]').getAttribute('data-dispute-number')).toBe(number);
    const names = await dialog.locator('section.dv-section').first().locator('tbody tr td:nth-child(2)').allTextContents();
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) expect(name).toContain('*');
    await page.screenshot({ path: join(OUT, 'dispute-view.png') });
    await dialog.locator('button.close').click();
  });

  it('fits a large screen (1920×1080)', async () => {
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.locator(`button[data-drill="${DAINAN}"]`).click();
    await settled(/^321281123\|/);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(OUT, 'town-1920x1080.png') });
    await page.setViewportSize({ width: 1366, height: 768 });
  });

  it('shows court staff their own figures and the rest as not theirs to see', async () => {
    await page.locator('button.switch').click();
    await page.locator('[data-persona="court-staff"]').click();
    await settled(/^321281\|/);
    await expect.poll(() => page.locator('.agency[data-block="court"] [data-figure]').count()).toBeGreaterThan(5);
    const blocks = await page
      .locator('.agency')
      .evaluateAll((els) => els.map((e) => ({ block: (e as HTMLElement).dataset.block, text: (e as HTMLElement).innerText })));
    const others = blocks.filter((b) => b.block !== 'court');
    expect(others.map((b) => b.block).sort()).toEqual(['hub', 'justice', 'petition', 'police', 'procuratorate']);
    for (const other of others) expect(other.text, other.block).toContain('无权查看');
    expect(await page.locator('.panel.funnel').innerText()).toContain('无权查看');
    await page.screenshot({ path: join(OUT, 'court-staff.png'), fullPage: true });
  });

  it('loaded nothing from outside the machine, and sent the graph only trusted document ids', () => {
    expect(leftTheMachine).toEqual([]);
    expect(operations.length).toBeGreaterThan(5);
    for (const op of operations) {
      expect(op.documentId).toMatch(/^sha256:[0-9a-f]{64}$/);
      expect(op).not.toHaveProperty('query');
    }
  });
});
