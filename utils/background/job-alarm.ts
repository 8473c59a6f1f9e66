import { browser } from '@/utils/browser';

/** The alarm that wakes the worker when a job's wait (Meta's rate limit, a passing failure) is over. */
export const JOB_ALARM = 'collab-desk-job-resume';

/** Makes sure the job alarm fires at or before `time` (one alarm serves every waiting job). */
export async function wakeBy(time: number): Promise<void> {
  const existing = await browser.alarms.get(JOB_ALARM);
  if (existing && existing.scheduledTime > Date.now() && existing.scheduledTime <= time) return;
  await browser.alarms.create(JOB_ALARM, { when: Math.max(time, Date.now() + 1000) });
}
