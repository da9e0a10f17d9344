import { describe, expect, it } from 'vitest';
import { scrubCrashEvent } from '../../main/ops/logging/crash-report-scrub';

const TOKEN = 'eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJ1cG4iOiJhQGIuY29tIn0.sig-part-here';

describe('crash report scrubbing', () => {
  it('removes the user, request and machine name, and masks tokens and e-mails everywhere', () => {
    const event = scrubCrashEvent({
      user: { email: 'ayse@contoso.com', ip_address: '10.1.2.3' },
      request: { headers: { Authorization: `Bearer ${TOKEN}` } },
      server_name: 'AYSE-LAPTOP',
      message: `push failed for ayse@contoso.com with ${TOKEN}`,
      exception: { values: [{ value: `refresh_token=${TOKEN}` }] },
      extra: { access_token: 'abc', owner: 'mehmet@fabrikam.com' },
      contexts: { app: { app_name: 'Hunter' } },
      breadcrumbs: [{ message: 'GET https://crm.example/api?code=xyz', data: { clientSecret: 's' } }],
    });
    const text = JSON.stringify(event);
    expect(event.user).toBeUndefined();
    expect(event.request).toBeUndefined();
    expect(event.server_name).toBeUndefined();
    expect(text).not.toMatch(/[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/);
    expect(text).not.toContain(TOKEN);
    expect(text).not.toContain('xyz');
    expect(text).not.toContain('"s"');
    expect(event.contexts).toEqual({ app: { app_name: 'Hunter' } });
  });
});
