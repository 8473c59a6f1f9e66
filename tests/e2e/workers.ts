/**
 * How many end-to-end tests run at once, each worker with its own simulator and build
 * (tests/e2e/global-setup.ts). One by default: on the 2-core machine the suite is bound by
 * the browsers' CPU, and two at once took 13.2 min against about 14.5 min one by one, with
 * each test twice as slow and the timing-bound ones (a throttle's back-off) failing. A machine
 * with more cores can set E2E_WORKERS=2 or more.
 */
export const E2E_WORKERS = Math.max(1, Number(process.env.E2E_WORKERS) || 1);
