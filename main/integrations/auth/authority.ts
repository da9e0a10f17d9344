/**
 * Where a sign-in goes. Entra ID hosts are recognised by MSAL itself; any other https authority (a sovereign-cloud
 * proxy, a test identity server) has to be listed in MSAL's knownAuthorities or MSAL refuses to trust it.
 */
const MICROSOFT_AUTHORITY_HOSTS = [
  'login.microsoftonline.com',
  'login.microsoft.com',
  'login.windows.net',
  'sts.windows.net',
  'login.microsoftonline.us',
  'login.microsoftonline.de',
  'login.chinacloudapi.cn',
  'login.partner.microsoftonline.cn',
];

/** Throws when the authority is not an absolute https address with a tenant segment. */
export function parseAuthority(authority: string): URL {
  let url: URL;
  try {
    url = new URL(authority);
  } catch {
    throw new Error(`the sign-in authority "${authority}" is not a URL`);
  }
  if (url.protocol !== 'https:') throw new Error(`the sign-in authority must use https: ${authority}`);
  if (url.pathname.split('/').filter(Boolean).length === 0)
    throw new Error(`the sign-in authority needs a tenant, e.g. https://${url.host}/organizations`);
  return url;
}

/** MSAL's knownAuthorities for this authority: its host (with port) when it is not a Microsoft host, else none. */
export function knownAuthoritiesFor(authority: string): string[] {
  const url = parseAuthority(authority);
  return MICROSOFT_AUTHORITY_HOSTS.includes(url.hostname.toLowerCase()) ? [] : [url.host];
}
