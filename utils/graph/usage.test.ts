import { describe, expect, it } from 'vitest';
import { readUsageHeaders } from './usage';

const headers = (values: Record<string, string>) => new Headers(values);

describe('readUsageHeaders', () => {
  it('takes the highest percentage across both headers and the regain time', () => {
    const usage = readUsageHeaders(
      headers({
        'x-app-usage': '{"call_count":12,"total_time":30,"total_cputime":5}',
        'x-business-use-case-usage':
          '{"1784":[{"type":"instagram","call_count":71,"total_time":10,"total_cputime":9,"estimated_time_to_regain_access":3}]}',
      }),
    );
    expect(usage).toEqual({ percent: 71, regainAccessMinutes: 3 });
  });

  it.each([
    ['no headers', {}],
    ['junk', { 'x-app-usage': 'not json', 'x-business-use-case-usage': '[1,2]' }],
  ])('reads %s as zero usage', (_name, values) => {
    expect(readUsageHeaders(headers(values))).toEqual({ percent: 0, regainAccessMinutes: undefined });
  });
});
