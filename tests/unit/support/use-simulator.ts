import { afterAll, beforeAll, beforeEach } from 'vitest';
import { LOGIN_SCOPES } from '@/utils/auth/login-flow';
import { startSimulator, type RunningSimulator } from '../../simulator/server';

/** Every permission Collab Desk asks for at login. */
export const ALL_SCOPES: string[] = [...LOGIN_SCOPES];

/** One simulator for a test file, its world reset before each test. Returns a getter for it. */
export function useSimulator(): () => RunningSimulator {
  let running: RunningSimulator | undefined;
  beforeAll(async () => {
    running = await startSimulator();
  });
  afterAll(() => running?.close());
  beforeEach(() => running!.state.reset({}));
  return () => running!;
}
