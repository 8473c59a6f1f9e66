import type { SimContentWorld } from './content-data';
import type { DemoWorld } from './demo-data';
import type { LogEntry, SimulatorControls, ThrottleRule, WorldOptions } from './state';

/** Drives a running simulator over HTTP, the way tests, the demo and the benchmark do. */
export class SimulatorControl {
  constructor(readonly url: string) {}

  reset(world: WorldOptions = {}): Promise<unknown> {
    return this.call('POST', 'reset', world);
  }

  setControls(controls: Partial<SimulatorControls>): Promise<unknown> {
    return this.call('POST', 'controls', controls);
  }

  throttle(rule: Omit<ThrottleRule, 'startedAt'> | null): Promise<unknown> {
    return this.call('POST', 'throttle', rule ?? {});
  }

  expireTokens(): Promise<unknown> {
    return this.call('POST', 'expire-tokens');
  }

  setPermissionStatus(brand: string, creator: string, status: string): Promise<unknown> {
    return this.call('POST', 'permission-status', { brand, creator, status });
  }

  log(): Promise<LogEntry[]> {
    return this.call('GET', 'log') as Promise<LogEntry[]>;
  }

  clearLog(): Promise<unknown> {
    return this.call('DELETE', 'log');
  }

  /** Every send Meta applied, per brand and creator: a count over 1 is a creator asked twice. */
  asks(): Promise<Array<{ brandIgId: string; creatorId: string; username: string; count: number }>> {
    return this.call('GET', 'asks') as Promise<Array<{ brandIgId: string; creatorId: string; username: string; count: number }>>;
  }

  /** The brands' partnership content and businesses, as the content edge answers from them. */
  content(): Promise<SimContentWorld> {
    return this.call('GET', 'content') as Promise<SimContentWorld>;
  }

  world(): Promise<DemoWorld> {
    return this.call('GET', 'world') as Promise<DemoWorld>;
  }

  private async call(method: string, action: string, body?: unknown): Promise<unknown> {
    const response = await fetch(`${this.url}/__sim/${action}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`Simulator control ${method} ${action} failed: ${response.status} ${await response.text()}`);
    return response.json();
  }
}
