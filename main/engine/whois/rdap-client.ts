import { lookup, type LookupAddress, type LookupAllOptions } from 'node:dns';
import got from 'got';
import { isPrivateAddress } from '../../security/private-address';
import { MAX_ANSWER_BYTES, reasonForError, type Fetched } from './transport';

export interface RdapFetchOptions {
  /**
   * host:port pairs a redirect may go to over plain http and on a private address: the tests' local RDAP servers.
   * Empty in the app.
   */
  redirectAllowList?: readonly string[];
}

class RedirectRefused extends Error {
  readonly code = 'ERR_REDIRECT_REFUSED';
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/** dns.lookup that fails for a name with any private address, so a redirect cannot reach the LAN by name either. */
function publicOnlyLookup(hostname: string, options: { all?: boolean; family?: number }, callback: LookupCallback) {
  lookup(hostname, { ...options, all: true } as LookupAllOptions, (err, addresses) => {
    if (err) return callback(err, []);
    if (addresses.length === 0 || addresses.some((a) => isPrivateAddress(a.address)))
      return callback(new RedirectRefused(`${hostname} resolves to a private address`), []);
    if (options.all) callback(null, addresses);
    else callback(null, addresses[0].address, addresses[0].family);
  });
}

/**
 * One RDAP GET. No retries: the scan pipeline decides what to do with an unknown, and a retry here would
 * double the worst-case time per domain. Redirects are followed because bootstrap registries (rdap.org)
 * answer with 302 to the authoritative server, but only to https and never to a private or loopback address: the
 * configured server is trusted, where it points us is not.
 */
export async function fetchRdap(url: string, timeoutMs: number, opts: RdapFetchOptions = {}): Promise<Fetched> {
  let refused = false;
  const request = got(url, {
    timeout: { request: timeoutMs },
    retry: { limit: 0 },
    throwHttpErrors: false,
    followRedirect: true,
    maxRedirects: 3,
    headers: { accept: 'application/rdap+json, application/json;q=0.9' },
    hooks: {
      beforeRedirect: [
        (next) => {
          const target = next.url as URL;
          if (opts.redirectAllowList?.includes(target.host)) return;
          if (target.protocol !== 'https:' || isPrivateAddress(target.hostname)) {
            refused = true;
            throw new RedirectRefused(`redirect to ${target.origin} refused`);
          }
          next.dnsLookup = ((hostname: string, options: { all?: boolean }, callback: LookupCallback) =>
            publicOnlyLookup(hostname, options, (err, address, family) => {
              if (err instanceof RedirectRefused) refused = true;
              callback(err, address, family);
            })) as typeof next.dnsLookup;
        },
      ],
    },
  });
  let tooLarge = false;
  request.on('downloadProgress', (progress) => {
    if (progress.transferred > MAX_ANSWER_BYTES) {
      tooLarge = true;
      request.cancel();
    }
  });
  try {
    const response = await request;
    if (response.statusCode !== 200) return { ok: false, reason: `rdap_http_${response.statusCode}` };
    return { ok: true, body: response.body };
  } catch (error) {
    // a truncated JSON document is useless, unlike a truncated WHOIS text
    if (refused) return { ok: false, reason: 'rdap_redirect_refused' };
    return { ok: false, reason: tooLarge ? 'answer_too_large' : reasonForError(error) };
  }
}
