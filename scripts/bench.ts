/**
 * `npm run bench`: measures, against the simulator, in one run (docs/benchmarks.md says how):
 * - popup: open to the creator's status shown, warm and cold, next to the floor of an empty
 *   extension page and of one that loads an empty script; the Graph calls of repeated lookups;
 * - bundles: each part's gzip bytes against its budget, and which packages take them (a
 *   product build with source maps, scripts/bundle-breakdown.ts); no browser;
 * - bulk: a send to 1,000 creators with added latency, next to one request per creator;
 * - checks: the same with answers lost, each such creator read from Meta before any resend;
 * - budget: the same while Meta's allowance binds;
 * - big: an agency's 110,000 records: the popup, a search keystroke, the dashboard's memory;
 * - content: the Content view listing @northwind.outdoor's 60 posts (three pages), nothing cached and cached.
 * `npm run bench -- bundles checks` runs only the sections named. Each writes one table into
 * docs/benchmarks.md between its markers (scripts/bench-report.ts lays the rows out).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import * as z from 'zod/mini';
import { contentEdge, contentListParams, readContentPage } from '../utils/content/content-query';
import { createGraphClient } from '../utils/graph/client';
import { DEMO_BUSINESSES } from '../tests/simulator/content-data';
import { SimulatorControl } from '../tests/simulator/control';
import { DEMO_BRANDS } from '../tests/simulator/demo-data';
import { startSimulator } from '../tests/simulator/server';
import { DEFAULT_APP_ID } from '../tests/simulator/state';
import { buildExtension } from '../tests/support/build-extension';
import { extensionIdOf, findChromium, launchWithExtension, stopServiceWorker } from '../tests/support/launch-chromium';
import {
  bigRows,
  budgetRows,
  bulkRows,
  bundleRows,
  checksRows,
  chosenSections,
  contentRows,
  machineOf,
  measurementTable,
  popupRows,
  replaceSection,
  stats,
  type BenchSection,
  type BigFigures,
  type BulkFigures,
  type CheckRun,
  type ContentFigures,
  type ContentRun,
  type Measurement,
  type PageTimes,
  type RunInfo,
} from './bench-report';
import { breakdownOf, breakdownTable, buildWithSourceMaps } from './bundle-breakdown';
import { measureBundles } from './bundle-sizes';

const RUNS = 25;
/** A creator's status word: a contract word, or a value as Meta sent it. */
const STATUS_WORD = /^(Approved|Pending|Revoked|Rejected|Canceled|Expired|Removed by creator|Not requested|[A-Z_]+)$/;
const BULK_CREATORS = 1_000;
const BULK_LATENCY_MS = 50;
const root = resolve(import.meta.dirname, '..');
const sections = chosenSections(process.argv.slice(2));
const today = new Date().toISOString().slice(0, 10);

if (sections.has('bundles')) {
  // Bytes do not depend on the machine; the product build, as npm test weighs it, with maps no file names.
  const dir = buildWithSourceMaps('.output/bench-bytes');
  const run: RunInfo = { machine: 'any', date: today };
  const sizes = measureBundles(dir);
  report(
    'bundles',
    'Gzip bytes of the product build (scripts/bundle-sizes.ts); lazy views load when opened and are left out.',
    bundleRows(sizes),
    run,
  );
  const breakdown = `Which packages take those bytes, from the same build's source maps (${today}):\n\n${breakdownTable(breakdownOf(dir))}`;
  console.log(`\n${breakdown}\n`);
  writeSection('bytes', breakdown);
}

const CONTENT_RUNS = 10;
const CONTENT_LATENCY_MS = 50;
const browserSections: BenchSection[] = ['popup', 'bulk', 'checks', 'budget', 'big', 'content'];
if (browserSections.some((section) => sections.has(section))) await benchInBrowser();

async function benchInBrowser(): Promise<void> {
  const simulator = await startSimulator();
  const sim = new SimulatorControl(simulator.url);
  console.log('Building the extension against the simulator…');
  const extensionDir = buildExtension({ graphOrigin: simulator.url, outDir: '.output/bench', metaAppId: DEFAULT_APP_ID, testBuild: true });
  // A page with one empty script of its own, beside the floor: what loading any script costs an extension page.
  writeFileSync(join(extensionDir, 'bench-script.js'), '');
  const blankHtml = readFileSync(join(extensionDir, 'blank.html'), 'utf8');
  if (!blankHtml.includes('<body></body>')) throw new Error('blank.html changed: the benchmark cannot add its script page');
  writeFileSync(
    join(extensionDir, 'bench-script.html'),
    blankHtml.replace('<body></body>', '<body><script src="/bench-script.js"></script></body>'),
  );
  const profileDir = mkdtempSync(join(tmpdir(), 'collab-desk-bench-'));
  const context = await launchWithExtension(extensionDir, profileDir);
  const base = `chrome-extension://${await extensionIdOf(context)}`;
  const run: RunInfo = { machine: machineOf(cpus().length, cpus()[0]?.model, chromiumVersion()), date: today };
  const bench: Bench = { sim, simulator, context, base, extensionDir };

  try {
    await connect(context, base);
    if (sections.has('popup')) {
      report(
        'popup',
        `${RUNS} runs of each page, alternating. In the page: navigation to the first frame after its load event (the floor) or after the status word is in the document. As the driver sees it: Playwright's goto to its wait returning.`,
        popupRows(await benchPopup(bench)),
        run,
      );
    }
    if (sections.has('content')) {
      report(
        'content',
        `The Content view listing @northwind.outdoor's posts (three pages of 25, 25 and 10), the simulator answering every HTTP request after ${CONTENT_LATENCY_MS} ms; the floor reads the same pages with the same Graph client. Nothing cached: the first time the view opens in the profile; cached: ${CONTENT_RUNS} openings after it, within the cache's 5 minutes.`,
        contentRows(await benchContent(bench)),
        run,
      );
    }
    if (sections.has('bulk')) {
      report(
        'bulk',
        `${BULK_CREATORS.toLocaleString('en')} creators, the simulator answering every HTTP request after ${BULK_LATENCY_MS} ms; the floor of one request per creator uses the same Graph client.`,
        bulkRows(await benchBulk(bench)),
        run,
      );
    }
    if (sections.has('checks')) {
      report(
        'checks',
        `${BULK_CREATORS.toLocaleString('en')} creators through the Bulk view, ${BULK_LATENCY_MS} ms a request; every creator whose send may have reached Meta is looked up by name before anything is sent to them again.`,
        await benchChecks(bench),
        run,
      );
    }
    if (sections.has('budget')) {
      const { caption, rows } = await benchBudgetBound(bench);
      report('budget', caption, rows, run);
    }
    if (sections.has('big')) {
      report(
        'big',
        '100 brand accounts besides the demo ones, 1,000 creators each, and @northwind.outdoor with 10,000 (110,072 records); fresh profile, the list of @northwind.outdoor loaded in the dashboard.',
        bigRows(await benchBigAccounts(bench)),
        run,
      );
    }
  } finally {
    await context.close();
    rmSync(profileDir, { recursive: true, force: true });
    await simulator.close();
  }
}

/** What every browser section works with. */
interface Bench {
  sim: SimulatorControl;
  simulator: Awaited<ReturnType<typeof startSimulator>>;
  context: BrowserContext;
  base: string;
  extensionDir: string;
}

/** Prints a section's table and writes it into docs/benchmarks.md. */
function report(name: string, caption: string, rows: Measurement[], run: RunInfo): void {
  const body = `${caption}\n\n${measurementTable(rows, run)}`;
  console.log(`\n${body}\n`);
  writeSection(name, body);
}

/** The popup against the floor pages, warm and cold, and the Graph calls of a first and of repeated lookups. */
async function benchPopup({ sim, context, base }: Bench) {
  const [creator] = (await sim.world()).creators;
  await openProfileTab(context, creator!.username);

  const page = await context.newPage();
  await sim.clearLog();
  const statusShown = () => statusWordShown(page);
  // First lookup: the cache is cold for this creator.
  await page.goto(`${base}/popup.html`);
  await statusShown();
  const firstLookupCalls = await lookupCalls(sim);

  await sim.clearLog();
  // Each page is timed twice: in the page, from its navigation to the frame that shows it (the same observer on
  // every page), and as the test driver sees it (goto to its wait returning, which adds the driver's polling).
  await page.addInitScript({ content: pageScript(observeShown, STATUS_WORD.source) });
  const times = { blank: newTimings(), script: newTimings(), word: newTimings(), warm: newTimings(), cold: newTimings() };
  for (let run = 0; run < RUNS; run++) {
    await times.blank.add(page, `${base}/blank.html`, 'load', () => page.waitForLoadState('load'));
    await times.script.add(page, `${base}/bench-script.html`, 'load', () => page.waitForLoadState('load'));
    await times.word.add(page, `${base}/bench-word.html`, 'status', statusShown);
    await times.warm.add(page, `${base}/popup.html`, 'status', statusShown);
    // The same with the service worker stopped first, as the browser does after 30 s idle.
    await stopServiceWorker(page);
    await times.cold.add(page, `${base}/popup.html`, 'status', statusShown);
  }
  const repeatedCalls = await lookupCalls(sim);
  // A popup closes when the person clicks elsewhere: it does not stay open through the bulk runs below.
  await page.close();
  return {
    runs: RUNS,
    floor: pageTimes(times.blank),
    script: pageTimes(times.script),
    word: pageTimes(times.word),
    warm: pageTimes(times.warm),
    cold: pageTimes(times.cold),
    firstLookupCalls,
    repeatedCalls,
  };
}

/** The Content view opened, its first page shown, then Load more twice to all 60 posts: nothing cached, then cached. */
async function benchContent({ sim, simulator, context, base }: Bench): Promise<ContentFigures> {
  const edge = 'partnership-ads-advertisable-content';
  const posts = (await sim.content()).posts.filter((post) => post.brandIgId === DEMO_BRANDS.northwind.id).length;
  await sim.setControls({ latencyMs: CONTENT_LATENCY_MS });
  const listing = async (): Promise<ContentRun> => {
    const page = await context.newPage();
    await sim.clearLog();
    const started = performance.now();
    await page.goto(`${base}/options.html#content`);
    const rows = page.getByRole('table', { name: 'Partnership content' }).locator('tbody tr');
    await rows.nth(24).waitFor();
    const firstMs = performance.now() - started;
    const loadMore = page.getByRole('button', { name: 'Load more' });
    await loadMore.click();
    await rows.nth(49).waitFor();
    await loadMore.click();
    await rows.nth(posts - 1).waitFor();
    const allMs = performance.now() - started;
    await page.close();
    const log = (await sim.log()).filter((entry) => entry.batchIndex === undefined);
    return { firstMs, allMs, requests: log.length, edgeRequests: log.filter((entry) => entry.path.endsWith(edge)).length };
  };
  const cold = await listing();
  const cachedRuns: ContentRun[] = [];
  for (let run = 0; run < CONTENT_RUNS; run++) cachedRuns.push(await listing());

  await sim.clearLog();
  const { token } = simulator.state.issueToken(['business_management', 'instagram_basic', 'instagram_branded_content_ads_brand']);
  const graph = createGraphClient({ graphOrigin: simulator.url, apiVersion: 'v25.0', getAccessToken: async () => token });
  const floorStart = performance.now();
  let after: string | undefined;
  do {
    const body = await graph.get(contentEdge(DEMO_BUSINESSES.northwind.id), z.unknown(), {
      searchParams: contentListParams(DEMO_BRANDS.northwind.id, {}, { after }),
    });
    after = readContentPage(body, after)?.nextCursor;
  } while (after);
  const floorMs = performance.now() - floorStart;
  const floorRequests = (await sim.log()).length;
  await sim.setControls({ latencyMs: 0 });
  return {
    latencyMs: CONTENT_LATENCY_MS,
    posts,
    cold,
    runs: CONTENT_RUNS,
    cached: {
      first: stats(cachedRuns.map((run) => run.firstMs)),
      all: stats(cachedRuns.map((run) => run.allMs)),
      mostRequests: Math.max(...cachedRuns.map((run) => run.requests)),
    },
    floorMs,
    floorRequests,
  };
}

/** 1,000 creators through the Bulk view, then the same number one request at a time. */
async function benchBulk({ sim, simulator, context, base }: Bench): Promise<BulkFigures> {
  // A budget no run here reaches, so the governor never slows either side down.
  await sim.setControls({ latencyMs: BULK_LATENCY_MS, callsPerMinuteBudget: 1_000_000 });
  const page = await context.newPage();
  await page.goto(`${base}/options.html#bulk`);
  await page.getByRole('combobox', { name: 'Brand account' }).waitFor();
  const names = Array.from({ length: BULK_CREATORS }, (_, index) => `bench.bulk${index}`);
  await page.getByRole('textbox', { name: 'Usernames' }).evaluate((element, text) => {
    const box = element as HTMLTextAreaElement;
    box.value = text;
    box.dispatchEvent(new Event('input', { bubbles: true }));
  }, names.join('\n'));
  await sim.clearLog();
  await page.evaluate(pageScript(observeBulkFlow));
  await page.getByRole('button', { name: 'Send requests', exact: true }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Confirm' }).click();
  await page
    .getByRole('status')
    .filter({ hasText: /^Done\.$/ })
    .waitFor({ timeout: 600_000 });
  // The flow as the page lived it: Send requests to the dry run shown, plus Confirm to "Done." (the time the
  // dialog waited for the driver to click, and the driver's polling, left out).
  const flow = await page.waitForFunction(() => window.collabDeskBulkFlow?.doneAt && window.collabDeskBulkFlow);
  const { sendAt, dialogAt, confirmAt, doneAt } = (await flow.jsonValue()) as Required<BulkFlowTimes>;
  const bulkMs = dialogAt - sendAt + (doneAt - confirmAt);
  // The job alone, from Confirm (when the job record starts running) to its last write, as the worker kept it.
  const jobMs = await page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('collab-desk');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const read = open.result.transaction('jobs').objectStore('jobs').getAll();
          read.onsuccess = () => {
            const job = (read.result as Array<{ origin: string; createdAt: number; updatedAt: number }>).find(
              (each) => each.origin === 'bulk',
            )!;
            open.result.close();
            resolve(job.updatedAt - job.createdAt);
          };
        };
      }),
  );
  const bulkLog = await sim.log();
  const bulkRequests = bulkLog.filter((entry) => entry.batchIndex === undefined).length;
  const bulkDelivered = bulkLog.filter((entry) => entry.batchIndex !== undefined && entry.status === 200).length;
  const jobRequests = bulkLog.filter((entry) => entry.batchSize !== undefined).length;

  await sim.clearLog();
  const { token } = simulator.state.issueToken([
    'pages_show_list',
    'business_management',
    'instagram_basic',
    'instagram_branded_content_ads_brand',
  ]);
  const graph = createGraphClient({ graphOrigin: simulator.url, apiVersion: 'v25.0', getAccessToken: async () => token });
  const baselineStart = performance.now();
  for (let index = 0; index < BULK_CREATORS; index++) {
    await graph.post('17841400000000001/branded_content_ad_permissions', z.unknown(), {
      form: { creator_instagram_username: `bench.single${index}` },
    });
  }
  const baselineMs = performance.now() - baselineStart;
  const baselineRequests = (await sim.log()).length;
  await sim.setControls({ latencyMs: 0 });

  return {
    latencyMs: BULK_LATENCY_MS,
    requests: bulkRequests,
    jobRequests,
    delivered: bulkDelivered,
    creators: BULK_CREATORS,
    flowMs: bulkMs,
    jobMs,
    baselineRequests,
    baselineMs,
  };
}

/**
 * What the rule "read Meta before sending again" costs: 1,000 creators through the Bulk view with
 * every answer arriving, with a tenth of the creators' batch items answered null after Meta acted,
 * and with every tenth HTTP answer cut off after Meta acted (chance could lose none of 20).
 */
async function benchChecks({ sim, context, base }: Bench): Promise<Measurement[]> {
  const run = async (losses: { loseEveryNthAnswer?: number; batchNullRate?: number }, prefix: string): Promise<CheckRun> => {
    await sim.setControls({ latencyMs: BULK_LATENCY_MS, callsPerMinuteBudget: 1_000_000, loseEveryNthAnswer: 0, batchNullRate: 0 });
    const page = await context.newPage();
    await page.goto(`${base}/options.html#bulk`);
    await page.getByRole('combobox', { name: 'Brand account' }).waitFor();
    const names = Array.from({ length: BULK_CREATORS }, (_, index) => `${prefix}${index}`);
    await page.getByRole('textbox', { name: 'Usernames' }).evaluate((element, text) => {
      const box = element as HTMLTextAreaElement;
      box.value = text;
      box.dispatchEvent(new Event('input', { bubbles: true }));
    }, names.join('\n'));
    await page.getByRole('button', { name: 'Send requests', exact: true }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Confirm' }).waitFor();
    await sim.setControls(losses);
    await sim.clearLog();
    const started = performance.now();
    await page.getByRole('dialog').getByRole('button', { name: 'Confirm' }).click();
    // The panel says the last job's "Done." at first: this job is done when its own results show it.
    await page.getByRole('table', { name: 'Results' }).getByText(`${prefix}0`, { exact: true }).waitFor({ timeout: 600_000 });
    await page
      .getByRole('list', { name: 'Bulk counts' })
      .getByText(/Sent: 1,000/)
      .waitFor({ timeout: 600_000 });
    await page
      .getByRole('status')
      .filter({ hasText: /^Done\.$/ })
      .waitFor({ timeout: 600_000 });
    const ms = performance.now() - started;
    await sim.setControls({ loseEveryNthAnswer: 0, batchNullRate: 0, latencyMs: 0 });
    await page.close();
    const log = await sim.log();
    let checkRequests = 0;
    let batch: { counted: boolean } | undefined;
    for (const entry of log) {
      if (entry.batchSize !== undefined) batch = { counted: false };
      else if (entry.batchIndex !== undefined && entry.method === 'GET' && batch && !batch.counted) {
        batch.counted = true;
        checkRequests += 1;
      }
    }
    const asks = (await sim.asks()).filter((ask) => ask.username.startsWith(prefix));
    return {
      requests: log.filter((entry) => entry.batchIndex === undefined).length,
      checkRequests,
      lookedUp: log.filter((entry) => entry.batchIndex !== undefined && entry.method === 'GET').length,
      twice: asks.filter((ask) => ask.count > 1).length,
      asked: asks.length,
      ms,
    };
  };
  const clean = await run({}, 'bench.clean');
  const lossy = await run({ batchNullRate: 0.1 }, 'bench.lossy');
  const cut = await run({ loseEveryNthAnswer: 10 }, 'bench.cut');
  return checksRows({ clean, lossy, cut });
}

/**
 * 1,000 creators through the Bulk view while Meta's allowance binds: the simulator counts
 * calls over a short rolling window and refuses those past its budget (code 4), as Meta does.
 */
async function benchBudgetBound({ sim, context, base }: Bench): Promise<{ caption: string; rows: Measurement[] }> {
  const budget = { calls: 400, windowMs: 5_000 };
  await sim.setControls({
    latencyMs: BULK_LATENCY_MS,
    callsPerMinuteBudget: budget.calls,
    usageWindowMs: budget.windowMs,
    enforceBudget: true,
  });
  // The calls of the runs before leave the window first.
  await new Promise((resolve) => setTimeout(resolve, budget.windowMs + 100));
  const page = await context.newPage();
  await page.goto(`${base}/options.html#bulk`);
  await page.getByRole('combobox', { name: 'Brand account' }).waitFor();
  await page.getByRole('textbox', { name: 'Usernames' }).evaluate(
    (element, text) => {
      const box = element as HTMLTextAreaElement;
      box.value = text;
      box.dispatchEvent(new Event('input', { bubbles: true }));
    },
    Array.from({ length: BULK_CREATORS }, (_, index) => `bench.bound${index}`).join('\n'),
  );
  await sim.clearLog();
  await page.getByRole('button', { name: 'Send requests', exact: true }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Confirm' }).click();
  // The panel still says the last job's "Done." at first: done is when every creator has been sent, then "Done.".
  for (let delivered = 0; delivered < BULK_CREATORS; await new Promise((resolve) => setTimeout(resolve, 250))) {
    delivered = (await sim.log()).filter(
      (entry) => entry.batchIndex !== undefined && entry.method === 'POST' && entry.status === 200,
    ).length;
  }
  await page
    .getByRole('status')
    .filter({ hasText: /^Done\.$/ })
    .waitFor({ timeout: 600_000 });
  const log = await sim.log();
  await sim.setControls({ latencyMs: 0, callsPerMinuteBudget: 600, usageWindowMs: 60_000, enforceBudget: false });
  await page.close();

  const batches = log.filter((entry) => entry.batchSize !== undefined);
  const calls = log.filter((entry) => entry.batchSize === undefined);
  const refused = calls.filter((entry) => entry.errorCode === 4).length;
  const planCalls = calls.filter((entry) => entry.at < batches[0]!.at).length;
  const jobCalls = calls.length - planCalls;
  // From the job's first batch to its last answer, against the least the budget allows for the same calls: it
  // admits `calls` in any window, the plan's list reads already in the first; then one request's latency.
  const jobMs = batches.at(-1)!.at - batches[0]!.at + BULK_LATENCY_MS;
  const shortestMs = Math.floor((jobCalls + planCalls - 1) / budget.calls) * budget.windowMs + BULK_LATENCY_MS;
  return {
    caption: `${BULK_CREATORS.toLocaleString('en')} creators through the Bulk view, the simulator allowing ${budget.calls} calls in any ${budget.windowMs / 1000} s (each creator in a batch is a call), refusing the rest with code 4 as Meta does, and answering after ${BULK_LATENCY_MS} ms.`,
    rows: budgetRows({ refused, batches: batches.length, jobCalls, planCalls, jobMs, shortestMs }),
  };
}

/**
 * An agency's book: 100 more brand accounts with 1,000 creators each and @northwind.outdoor
 * with 10,000 (110,000 records), in a fresh profile: the popup against the floor, a keystroke
 * in the 10,000-creator Partnerships table, and the dashboard's memory.
 */
async function benchBigAccounts({ sim, extensionDir }: Bench): Promise<BigFigures> {
  await sim.reset({ creators: 10_000, agency: { brands: 100, creatorsPerBrand: 1_000, northwindCreators: 10_000 } });
  const bigProfile = mkdtempSync(join(tmpdir(), 'collab-desk-bench-big-'));
  const big = await launchWithExtension(extensionDir, bigProfile);
  try {
    const bigBase = `chrome-extension://${await extensionIdOf(big)}`;
    await connect(big, bigBase);
    const dashboard = await big.newPage();
    await dashboard.goto(`${bigBase}/options.html#partnerships`);
    await dashboard.getByRole('combobox', { name: 'Brand account' }).selectOption({ label: '@northwind.outdoor' });
    await dashboard.getByRole('list', { name: 'Counts per status' }).getByText('10,000 in all').waitFor({ timeout: 120_000 });

    // Each keystroke: from the input event to the table rendered for it (Preact renders in a microtask; the timer runs
    // after), and on to the first frame in which every matching row is in the page (a table drawing its rows in steps is
    // aria-busy until then). Two words typed and erased, three times over (51 keystrokes, the first ones included), for a
    // median steadier than one pass gives. In front: a tab behind others gets about one frame a second.
    await dashboard.bringToFront();
    const typed = ['m', 'ma', 'may', 'maya', 'maya.', 'maya', 'may', 'ma', 'm', '', 'l', 'le', 'leo', 'leo_', 'le', 'l', ''];
    const keystrokes = await dashboard.getByRole('searchbox', { name: 'Search creators' }).evaluate(
      async (element, texts) => {
        const box = element as HTMLInputElement;
        const rendered: number[] = [];
        const allRows: number[] = [];
        for (const text of texts) {
          const start = performance.now();
          box.value = text;
          box.dispatchEvent(new Event('input', { bubbles: true }));
          await new Promise((resolve) => setTimeout(resolve, 0));
          rendered.push(performance.now() - start);
          // (No named helper in here: tsx would wrap it in a function the page lacks.)
          do await new Promise((resolve) => requestAnimationFrame(resolve));
          while (document.querySelector('table[aria-busy="true"]'));
          allRows.push(performance.now() - start);
        }
        return { rendered, allRows };
      },
      [...typed, ...typed, ...typed],
    );
    const cdp = await big.newCDPSession(dashboard);
    await cdp.send('Performance.enable');
    await cdp.send('HeapProfiler.collectGarbage');
    const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: Array<{ name: string; value: number }> };
    const heapMb = (metrics.find((metric) => metric.name === 'JSHeapUsedSize')?.value ?? 0) / 1024 / 1024;

    const [first] = (await sim.world()).creators;
    await openProfileTab(big, first!.username);
    const page = await big.newPage();
    await page.addInitScript({ content: pageScript(observeShown, STATUS_WORD.source) });
    const shown = () => statusWordShown(page);
    await page.goto(`${bigBase}/popup.html`);
    await shown();
    const popupTimes = newTimings();
    const blankTimes = newTimings();
    const scriptTimes = newTimings();
    for (let run = 0; run < 15; run++) {
      await blankTimes.add(page, `${bigBase}/blank.html`, 'load', () => page.waitForLoadState('load'));
      await scriptTimes.add(page, `${bigBase}/bench-script.html`, 'load', () => page.waitForLoadState('load'));
      await popupTimes.add(page, `${bigBase}/popup.html`, 'status', shown);
    }
    return {
      floor: pageTimes(blankTimes),
      script: pageTimes(scriptTimes),
      popup: pageTimes(popupTimes),
      keystrokes: keystrokes.rendered.length,
      rendered: stats(keystrokes.rendered),
      allRows: stats(keystrokes.allRows),
      heapMb,
    };
  } finally {
    await big.close();
    rmSync(bigProfile, { recursive: true, force: true });
  }
}

async function connect(browserContext: BrowserContext, extensionBase: string): Promise<void> {
  const dashboard = await browserContext.newPage();
  await dashboard.goto(`${extensionBase}/options.html`);
  await dashboard.getByRole('button', { name: 'Connect with Facebook' }).click();
  await dashboard.getByText('Connected as').waitFor();
  await dashboard.close();
}

/** An instagram.com profile open in a tab (served locally), for the popup to pick the creator up from. */
async function openProfileTab(browserContext: BrowserContext, username: string): Promise<void> {
  await browserContext.route('https://www.instagram.com/**', (route) =>
    route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>profile</title>' }),
  );
  await (await browserContext.newPage()).goto(`https://www.instagram.com/${username}/`);
}

/** The popup shows a creator's status word (a contract word, or a value as Meta sent it). */
function statusWordShown(page: Page): Promise<void> {
  return page.getByText(STATUS_WORD).first().waitFor();
}

async function lookupCalls(sim: SimulatorControl): Promise<number> {
  return (await sim.log()).filter((entry) => entry.path.endsWith('branded_content_ad_permissions')).length;
}

/** A function as a page script: tsx keeps function names with a helper (__name) that pages lack. */
function pageScript<A extends unknown[]>(fn: (...args: A) => void, ...args: A): string {
  return `(() => { const __name = (target) => target; (${fn.toString()})(...${JSON.stringify(args)}); })()`;
}

/** A page's opening times over the runs: in the page (observeShown) and as the driver sees it. */
interface Timings {
  inPage: number[];
  driver: number[];
  add(page: Page, url: string, mark: keyof ShownTimes, ready: () => Promise<unknown>): Promise<void>;
}

function newTimings(): Timings {
  const timings: Timings = {
    inPage: [],
    driver: [],
    async add(page, url, mark, ready) {
      timings.driver.push(await timed(page, url, ready));
      const shown = await page.waitForFunction((name) => window.collabDeskBench?.[name], mark);
      timings.inPage.push((await shown.jsonValue()) as number);
    },
  };
  return timings;
}

interface BulkFlowTimes {
  sendAt?: number;
  dialogAt?: number;
  confirmAt?: number;
  doneAt?: number;
}

/** Notes in the page when Send requests and Confirm are clicked, when the dry run's dialog opens and when "Done." shows. */
function observeBulkFlow(): void {
  const times: BulkFlowTimes = (window.collabDeskBulkFlow = {});
  document.addEventListener(
    'click',
    (event) => {
      // The first click is Send requests; the next one inside the dialog, its Confirm.
      const button = (event.target as Element).closest('button');
      if (!button) return;
      if (button.closest('dialog')) times.confirmAt ??= performance.now();
      else times.sendAt ??= performance.now();
    },
    true,
  );
  const hasDone = () => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) if ((node as Text).data.trim() === 'Done.') return true;
    return false;
  };
  new MutationObserver(() => {
    if (times.sendAt !== undefined && times.dialogAt === undefined && document.querySelector('dialog[open]'))
      times.dialogAt = performance.now();
    if (times.confirmAt !== undefined && times.doneAt === undefined && hasDone()) times.doneAt = performance.now();
  }).observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['open'] });
}

interface ShownTimes {
  load?: number;
  status?: number;
}

declare global {
  interface Window {
    collabDeskBench?: ShownTimes;
    collabDeskBulkFlow?: BulkFlowTimes;
  }
}

/**
 * Added to every page before its own scripts: notes, from the page's navigation, the first
 * frame after the load event and the first frame after a status word is in the document.
 */
function observeShown(wordSource: string): void {
  const word = new RegExp(wordSource);
  const times: ShownTimes = (window.collabDeskBench = {});
  const nextFrame = (name: keyof ShownTimes) => requestAnimationFrame(() => (times[name] ??= performance.now()));
  const hasWord = () => {
    const walker = document.createTreeWalker(document, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) if (word.test((node as Text).data.trim())) return true;
    return false;
  };
  const observer = new MutationObserver(() => {
    if (!hasWord()) return;
    observer.disconnect();
    nextFrame('status');
  });
  observer.observe(document, { childList: true, subtree: true, characterData: true });
  addEventListener('load', () => nextFrame('load'));
}

async function timed(page: Page, url: string, ready: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await page.goto(url, { waitUntil: 'commit' });
  await ready();
  return performance.now() - start;
}

/** Medians and p90s of a page's timings, in the page and as the driver saw them. */
function pageTimes(timings: Timings): PageTimes {
  return { inPage: stats(timings.inPage), driver: stats(timings.driver) };
}

function chromiumVersion(): string {
  try {
    return execFileSync(findChromium()!, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'Chromium';
  }
}

/** Replaces the part of docs/benchmarks.md between this section's markers. */
function writeSection(name: string, body: string): void {
  const file = resolve(root, 'docs/benchmarks.md');
  writeFileSync(file, replaceSection(readFileSync(file, 'utf8'), name, body));
}
