/**
 * How `npm run bench` writes what it measured: one table row per measurement, with the same
 * columns in every section (docs/benchmarks.md, "How we measure", says what each means). Pure
 * functions of the figures, so the layout is unit-tested without a browser.
 */

/** The sections `npm run bench` can run, in the order it runs them; `npm run bench -- bundles checks` runs two. */
export const BENCH_SECTIONS = ['popup', 'bundles', 'bulk', 'checks', 'budget', 'big', 'content'] as const;
export type BenchSection = (typeof BENCH_SECTIONS)[number];

/** The sections named on the command line (all of them when none is), refusing a name that is none. */
export function chosenSections(args: string[]): Set<BenchSection> {
  const unknown = args.filter((arg) => !(BENCH_SECTIONS as readonly string[]).includes(arg));
  if (unknown.length > 0) throw new Error(`Unknown bench section ${unknown.join(', ')}: choose from ${BENCH_SECTIONS.join(', ')}.`);
  return new Set(args.length > 0 ? (args as BenchSection[]) : BENCH_SECTIONS);
}

/** One measurement: what was measured, what it is compared with, our figure, and the goal if one was set. */
export interface Measurement {
  figure: string;
  floor?: string;
  ours: string;
  ratio?: string;
  target?: string;
}

/** Where and when a section ran: every row carries it, as sections can be run apart. */
export interface RunInfo {
  machine: string;
  date: string;
}

export function measurementTable(rows: Measurement[], run: RunInfo): string {
  return [
    '| figure | floor | ours | ratio | target | machine | date |',
    '| --- | ---: | ---: | ---: | --- | --- | --- |',
    ...rows.map(
      (row) => `| ${[row.figure, row.floor ?? '', row.ours, row.ratio ?? '', row.target ?? '', run.machine, run.date].join(' | ')} |`,
    ),
  ].join('\n');
}

/** A short name for the machine: "2 × Intel Xeon, Chromium 156". */
export function machineOf(cpuCount: number, cpuModel: string | undefined, browserVersion?: string): string {
  const model = (cpuModel || 'unknown')
    .replace(/\((R|TM)\)/gi, '')
    .replace(/\b(CPU|Processor)\b/g, '')
    .replace(/@.*$/, '')
    .replace(/\s+/g, ' ')
    .trim();
  const browser = browserVersion?.match(/(Chromium|Chrome)\D*(\d+)/);
  return `${cpuCount} × ${model}${browser ? `, ${browser[1]} ${browser[2]}` : ''}`;
}

/** Replaces what lies between `<!-- bench:NAME:start -->` and its end marker. */
export function replaceSection(text: string, name: string, body: string): string {
  const start = `<!-- bench:${name}:start -->`;
  const end = `<!-- bench:${name}:end -->`;
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from < 0 || to < from) throw new Error(`docs/benchmarks.md lacks the ${name} markers`);
  return `${text.slice(0, from + start.length)}\n${body}\n${text.slice(to)}`;
}

export interface Stats {
  median: number;
  p90: number;
}

export function stats(values: number[]): Stats {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (share: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))]!);
  return { median: at(0.5), p90: at(0.9) };
}

/** A page's opening time over the runs: in the page, and as the test driver sees it. */
export interface PageTimes {
  inPage: Stats;
  driver: Stats;
}

const count = (value: number) => value.toLocaleString('en');
const timing = (value: Stats, unit = 'ms') => `${value.median} ${unit} (p90 ${value.p90})`;
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const times = (ours: number, floor: number) => (floor > 0 ? `${(ours / floor).toFixed(2)}×` : '');

export interface PopupFigures {
  runs: number;
  floor: PageTimes;
  script: PageTimes;
  word: PageTimes;
  warm: PageTimes;
  cold: PageTimes;
  firstLookupCalls: number;
  repeatedCalls: number;
}

export function popupRows(f: PopupFigures): Measurement[] {
  const pages: Array<[string, PageTimes, string?]> = [
    ['The same page loading one empty script of its own', f.script],
    ['A page whose HTML already holds the status word (no script)', f.word],
    ['Popup open to status shown, warm worker, cached', f.warm, '≤ 1.3×'],
    ['Popup open to status shown, worker stopped first (cold start), cached', f.cold, '≤ 1.3×'],
  ];
  const against = (label: string, ours: Stats, floor: Stats, target?: string): Measurement => ({
    figure: label,
    floor: timing(floor),
    ours: timing(ours),
    ratio: times(ours.median, floor.median),
    target,
  });
  return [
    ...pages.map(([label, page, target]) => against(`${label}, in the page`, page.inPage, f.floor.inPage, target)),
    ...pages.map(([label, page]) => against(`${label}, as the driver sees it`, page.driver, f.floor.driver)),
    against('Popup warm, against the page with one empty script, in the page', f.warm.inPage, f.script.inPage),
    against('Popup cold, against the page with one empty script, in the page', f.cold.inPage, f.script.inPage),
    { figure: 'Graph calls of a first lookup (cold cache; All brands in one batch request)', ours: count(f.firstLookupCalls) },
    { figure: `Graph calls of the next ${f.runs} popup openings on the same profile`, ours: count(f.repeatedCalls) },
  ];
}

export interface BundleFigures {
  part: string;
  gzipBytes: number;
  /** The size issue 27 set for the part. */
  targetBytes: number;
  /** What `npm test` lets it weigh: the target, or more where the target is not met yet. */
  budgetBytes: number;
}

export function bundleRows(sizes: BundleFigures[]): Measurement[] {
  return sizes.map((size) => ({
    figure: `${size.part}: gzip bytes of the JavaScript it loads before it can paint`,
    ours: `${count(size.gzipBytes)} B`,
    ratio: `${Math.round((100 * size.gzipBytes) / size.targetBytes)} % of target`,
    target:
      size.budgetBytes === size.targetBytes
        ? `≤ ${count(size.targetBytes)} B (npm test)`
        : `≤ ${count(size.targetBytes)} B, not asserted yet (npm test allows ${count(size.budgetBytes)} B)`,
  }));
}

export interface BulkFigures {
  latencyMs: number;
  /** Every HTTP request of the flow: the dry run's list reads and the job's batches. */
  requests: number;
  jobRequests: number;
  delivered: number;
  creators: number;
  flowMs: number;
  jobMs: number;
  baselineRequests: number;
  baselineMs: number;
}

export function bulkRows(f: BulkFigures): Measurement[] {
  const flowFloor = f.requests * f.latencyMs;
  const jobFloor = f.jobRequests * f.latencyMs;
  return [
    {
      figure: 'Bulk send, HTTP requests',
      floor: `${count(f.baselineRequests)} (one per creator)`,
      ours: `${count(f.requests)} (${count(f.jobRequests)} batches)`,
      ratio: times(f.requests, f.baselineRequests),
    },
    { figure: 'Bulk send, creators Meta received', ours: count(f.delivered), target: count(f.creators) },
    {
      figure: 'Bulk send, whole flow (Send requests to dry run, Confirm to Done), in the page',
      floor: `${seconds(flowFloor)} (${f.requests} requests × ${f.latencyMs} ms)`,
      ours: seconds(f.flowMs),
      ratio: times(f.flowMs, flowFloor),
    },
    {
      figure: 'Bulk job alone (Confirm to its last write, from the job record)',
      floor: `${seconds(jobFloor)} (${f.jobRequests} batches × ${f.latencyMs} ms)`,
      ours: seconds(f.jobMs),
      ratio: times(f.jobMs, jobFloor),
      target: '≤ 1.25×',
    },
    {
      figure: 'Bulk send, whole flow, against one request per creator one after another',
      floor: `${seconds(f.baselineMs)} (one per creator)`,
      ours: seconds(f.flowMs),
      ratio: times(f.flowMs, f.baselineMs),
    },
  ];
}

export interface CheckRun {
  requests: number;
  checkRequests: number;
  lookedUp: number;
  asked: number;
  twice: number;
  ms: number;
}

export interface ChecksFigures {
  clean: CheckRun;
  /** A tenth of the creators' batch items answered null after Meta acted. */
  lossy: CheckRun;
  /** A tenth of the HTTP answers cut off after Meta acted, batches and checks alike. */
  cut: CheckRun;
}

export function checksRows(f: ChecksFigures): Measurement[] {
  const askedTwice = (label: string, run: CheckRun): Measurement => ({
    figure: `${label}: creators asked twice`,
    ours: `${count(run.twice)} of ${count(run.asked)} asked`,
    target: '0',
  });
  const lossRows = (label: string, run: CheckRun): Measurement[] => {
    const leastChecks = Math.ceil(run.lookedUp / 50);
    return [
      askedTwice(label, run),
      {
        figure: `${label}: HTTP requests`,
        floor: `${count(f.clean.requests)} (no loss)`,
        ours: count(run.requests),
        ratio: times(run.requests, f.clean.requests),
      },
      {
        figure: `${label}: check requests (creators looked up by name, 50 a request)`,
        floor: `${count(leastChecks)} (${count(run.lookedUp)} creators ÷ 50)`,
        ours: count(run.checkRequests),
        ratio: times(run.checkRequests, leastChecks),
      },
      {
        figure: `${label}: Confirm to Done, as the driver sees it`,
        floor: `${seconds(f.clean.ms)} (no loss)`,
        ours: seconds(run.ms),
        ratio: times(run.ms, f.clean.ms),
      },
    ];
  };
  return [
    askedTwice('Every answer arrives', f.clean),
    ...lossRows('10 % of creators’ answers lost', f.lossy),
    ...lossRows('10 % of HTTP answers lost', f.cut),
  ];
}

export interface BudgetFigures {
  refused: number;
  batches: number;
  jobCalls: number;
  planCalls: number;
  jobMs: number;
  shortestMs: number;
}

export function budgetRows(f: BudgetFigures): Measurement[] {
  return [
    { figure: 'Budget that binds: calls refused for the limit', ours: count(f.refused), target: '0' },
    {
      figure: 'Budget that binds: batch requests',
      ours: `${count(f.batches)} (${count(f.jobCalls)} calls; ${count(f.planCalls)} list reads before them, for the dry run)`,
    },
    {
      figure: 'Budget that binds: the job, first batch to last answer',
      floor: `${seconds(f.shortestMs)} (the least the budget allows)`,
      ours: seconds(f.jobMs),
      ratio: times(f.jobMs, f.shortestMs),
      target: '≤ 1.2×',
    },
  ];
}

export interface BigFigures {
  floor: PageTimes;
  script: PageTimes;
  popup: PageTimes;
  keystrokes: number;
  rendered: Stats;
  allRows: Stats;
  heapMb: number;
}

export function bigRows(f: BigFigures): Measurement[] {
  const against = (figure: string, ours: Stats, floor: Stats, target?: string): Measurement => ({
    figure,
    floor: timing(floor),
    ours: timing(ours),
    ratio: times(ours.median, floor.median),
    target,
  });
  return [
    against('Big accounts: the page loading one empty script, in the page', f.script.inPage, f.floor.inPage),
    against('Big accounts: popup open to status shown, cached, in the page', f.popup.inPage, f.floor.inPage, '≤ 1.2×'),
    against('Big accounts: popup, against the page with one empty script, in the page', f.popup.inPage, f.script.inPage),
    against('Big accounts: popup open to status shown, as the driver sees it', f.popup.driver, f.floor.driver),
    {
      figure: `A keystroke in the 10,000-creator Partnerships search, to the table rendered (${f.keystrokes} keystrokes)`,
      ours: timing(f.rendered),
      target: '≤ 16 ms median',
    },
    { figure: 'The same keystrokes, to the first frame with every matching row in the page', ours: timing(f.allRows) },
    {
      figure: 'Dashboard JavaScript heap after loading it, after garbage collection',
      ours: `${f.heapMb.toFixed(0)} MB`,
      target: '< 150 MB',
    },
  ];
}

/** One listing of a brand's 60 posts in the Content view: the first page shown, then all 60 after Load more twice. */
export interface ContentRun {
  firstMs: number;
  allMs: number;
  /** Graph HTTP requests during the listing, and those of the content edge. */
  requests: number;
  edgeRequests: number;
}

export interface ContentFigures {
  latencyMs: number;
  posts: number;
  cold: ContentRun;
  runs: number;
  cached: { first: Stats; all: Stats; mostRequests: number };
  /** The same pages read straight from the edge with the Graph client, one after another. */
  floorMs: number;
  floorRequests: number;
}

export function contentRows(f: ContentFigures): Measurement[] {
  return [
    {
      figure: `Content, ${f.posts} posts, nothing cached: Graph requests`,
      floor: `${count(f.floorRequests)} (one per page)`,
      ours: `${count(f.cold.requests)} (${count(f.cold.edgeRequests)} of the content edge)`,
      ratio: times(f.cold.requests, f.floorRequests),
    },
    { figure: 'Content, nothing cached: open to the first 25 shown, as the driver sees it', ours: `${Math.round(f.cold.firstMs)} ms` },
    {
      figure: `Content, nothing cached: open to all ${f.posts} shown after Load more twice, as the driver sees it`,
      floor: `${Math.round(f.floorMs)} ms (${f.floorRequests} pages read one after another)`,
      ours: `${Math.round(f.cold.allMs)} ms`,
      ratio: times(f.cold.allMs, f.floorMs),
    },
    { figure: `Content, cached (${f.runs} runs): Graph requests, most in one run`, ours: count(f.cached.mostRequests), target: '0' },
    { figure: 'Content, cached: open to the first 25 shown', ours: timing(f.cached.first) },
    { figure: `Content, cached: open to all ${f.posts} shown after Load more twice`, ours: timing(f.cached.all) },
  ];
}
