import { describe, expect, it } from 'vitest';
import { isAllowedExternalUrl, isAllowedNavigation, isTrustedSender } from '../../main/security/urls';

describe('Electron URL guards', () => {
  it('trusts IPC only from the app origin, compared by parsed origin', () => {
    expect(isTrustedSender('hunter://app/index.html')).toBe(true);
    expect(isTrustedSender('hunter://app.evil.com/index.html')).toBe(false);
    expect(isTrustedSender('https://app/index.html')).toBe(false);
    expect(isTrustedSender('file:///tmp/index.html')).toBe(false);
    expect(isTrustedSender(undefined)).toBe(false);
    expect(isTrustedSender('not a url')).toBe(false);
  });

  it('opens only plain http(s) links externally', () => {
    expect(isAllowedExternalUrl('https://partner.microsoft.com/dashboard')).toBe(true);
    expect(isAllowedExternalUrl('http://example.com')).toBe(true);
    expect(isAllowedExternalUrl('file:///etc/passwd')).toBe(false);
    expect(isAllowedExternalUrl('javascript:alert(1)')).toBe(false);
    expect(isAllowedExternalUrl('smb://host/share')).toBe(false);
    expect(isAllowedExternalUrl('https://user:pw@example.com')).toBe(false);
  });

  it('keeps in-app navigation on the app origin', () => {
    expect(isAllowedNavigation('hunter://app/#/leads')).toBe(true);
    expect(isAllowedNavigation('https://example.com')).toBe(false);
  });
});
