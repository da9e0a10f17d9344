import { describe, expect, it } from 'vitest';
import { maskString, maskValue, REDACTED } from '../../main/ops/logging/mask';

const JWT = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.c2lnbmF0dXJlLXBhcnQ';
const REFRESH = '0.AXwA7sR2kq9vTtbQ3mX8pZ1rLnYc4dE5fG6hI7jK8lM9nO0pQ1rS2tU3vW4xY5z';

describe('log masking', () => {
  it('replaces e-mail addresses with a stable hashed stand-in', () => {
    const once = maskString('contact ayse.yilmaz@contoso.com.tr bounced');
    expect(once).not.toContain('ayse');
    expect(once).toMatch(/contact \[email:[0-9a-f]{8}\] bounced/);
    expect(maskString('AYSE.YILMAZ@contoso.com.tr')).toBe(once.split(' ')[1]);
  });

  it('removes bearer tokens, JWTs, long opaque strings and credentials in URLs', () => {
    const line = maskString(
      `Authorization: Bearer ${REFRESH} id=${JWT} ` +
        'https://login.example/token?code=abc123&client_secret=s3cr3t&state=ok',
    );
    expect(line).not.toContain(REFRESH);
    expect(line).not.toContain(JWT);
    expect(line).not.toContain('abc123');
    expect(line).not.toContain('s3cr3t');
    expect(line).toContain('state=ok');
    expect(line).toContain(`Bearer ${REDACTED}`);
  });

  it('keeps domains, paths and ordinary words readable', () => {
    const text = 'scan of mail.contoso.com.tr failed at /home/u/app/main/engine/scan.ts:42 (ETIMEOUT)';
    expect(maskString(text)).toBe(text);
  });

  it('redacts values under secret-sounding keys at any depth and masks strings inside objects', () => {
    const masked = maskValue({
      run_id: 7,
      refresh_token: 'short',
      nested: { clientSecret: 'x', headers: { Authorization: 'Basic abc' }, owner: 'mehmet@fabrikam.com' },
      list: [{ apiKey: 'k' }, 'cc: ali@fabrikam.com'],
      has_secret: true,
    }) as any;
    expect(masked.run_id).toBe(7);
    expect(masked.refresh_token).toBe(REDACTED);
    expect(masked.nested.clientSecret).toBe(REDACTED);
    expect(masked.nested.headers.Authorization).toBe(REDACTED);
    expect(masked.nested.owner).toMatch(/^\[email:/);
    expect(masked.list[0].apiKey).toBe(REDACTED);
    expect(masked.list[1]).not.toContain('ali@');
    // a boolean says whether there is a secret, never what it is
    expect(masked.has_secret).toBe(true);
  });

  it('turns errors into message and stack and bounds depth', () => {
    const err = new Error('token=abcdef failed for a@b.co');
    const masked = maskValue({ err }) as any;
    expect(masked.err.error).toBe(`token=${REDACTED} failed for ${maskString('a@b.co')}`);
    let deep: any = { v: 1 };
    for (let i = 0; i < 20; i++) deep = { deep };
    expect(JSON.stringify(maskValue(deep))).toContain('[…]');
  });
});
