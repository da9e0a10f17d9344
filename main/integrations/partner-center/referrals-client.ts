import got from 'got';
import type { Method } from 'got';
import { z } from 'zod';
import { AppError } from '../../core/app-error';
import { signedOut } from '../auth/auth-errors';
import type { TokenProvider } from '../auth/token-provider';
import type { RawReferral } from './referral-map';

/**
 * The Partner Center Referrals API (v1.0 engagements). Every call goes through one request loop: a 401 gets one
 * forced token refresh, a 429 waits for Retry-After (bounded), 5xx answers and network failures back off
 * exponentially with jitter, a bounded number of times. The bearer token is only ever sent to the configured API
 * origin, also when following @odata.nextLink.
 */
export interface RetryPolicy {
  /** attempts per request, the first included */
  tries: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** a longer Retry-After than this fails the request instead of stalling the run */
  maxRetryAfterMs: number;
}

export interface ReferralsClientOptions {
  apiUrl: string;
  tokens: TokenProvider;
  timeoutMs?: number;
  retry: RetryPolicy;
  /** injectable for tests: the waits between attempts */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  random?: () => number;
}

export interface ReferralPatchOp {
  op: 'replace' | 'add';
  path: string;
  value: unknown;
}

export interface ReferralsClient {
  /** every referral, page by page (`$top=100`, following @odata.nextLink); `updatedSince` reads changes only */
  pages(opts: { updatedSince?: string; signal?: AbortSignal }): AsyncGenerator<RawReferral[]>;
  get(id: string, signal?: AbortSignal): Promise<RawReferral>;
  /** JSON Patch with If-Match; AppError('conflict') when the referral changed since that eTag */
  patch(id: string, ops: ReferralPatchOp[], etag: string, signal?: AbortSignal): Promise<RawReferral>;
}

const PAGE_SIZE = 100;
const MAX_PAGES = 10_000;
const MAX_BODY_BYTES = 32 * 1024 * 1024;
const MAX_ID_CHARS = 200;
const PageSchema = z.object({
  value: z.array(z.unknown()).max(5000),
  '@odata.nextLink': z.string().max(8192).nullish(),
});

function sleepFor(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(signal.reason);
      },
      { once: true },
    );
  });
}

/** Retry-After in seconds or as an HTTP date; null when absent or unreadable. */
export function retryAfterMs(header: string | undefined, now = Date.now()): number | null {
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const at = Date.parse(header);
  return Number.isFinite(at) ? Math.max(0, at - now) : null;
}

// a plain check, not a schema parse: it runs for every item of every page, and the rest of the item is read
// field by field, defensively, by the mapping
function referralOf(data: unknown, where: string): RawReferral {
  const id = data && typeof data === 'object' && !Array.isArray(data) ? (data as { id?: unknown }).id : undefined;
  if (typeof id !== 'string' || id === '' || id.length > MAX_ID_CHARS)
    throw new AppError('remote_error', `Partner Center sent a referral without a valid id (${where}).`);
  return data as RawReferral;
}

export function createReferralsClient(opts: ReferralsClientOptions): ReferralsClient {
  const base = new URL(opts.apiUrl);
  const retry = opts.retry;
  const sleep = opts.sleep ?? sleepFor;
  const random = opts.random ?? Math.random;
  const timeoutMs = opts.timeoutMs ?? 60_000;

  // one token for the client's requests (a client lives for one run): asking MSAL before each page would read and
  // decrypt the token cache every time; a 401 still gets a forced refresh
  let token: Promise<string> | null = null;
  const currentToken = (forceRefresh: boolean): Promise<string> => {
    if (forceRefresh || !token) {
      const asked = opts.tokens.getToken({ forceRefresh });
      token = asked;
      asked.catch(() => {
        if (token === asked) token = null;
      });
    }
    return token;
  };

  const backoff = (attempt: number) => {
    const ceiling = Math.min(retry.maxDelayMs, retry.baseDelayMs * 2 ** attempt);
    // "equal jitter": at least half the step, so retries from several clients spread out but still back off
    return ceiling / 2 + random() * (ceiling / 2);
  };

  const request = async (
    method: Method,
    url: URL,
    init: { body?: string; headers?: Record<string, string>; signal?: AbortSignal } = {},
  ): Promise<{ status: number; body: string; headers: Record<string, string | string[] | undefined> }> => {
    if (url.origin !== base.origin)
      throw new AppError('remote_error', `Partner Center pointed to another address (${url.origin}); not followed.`);
    let refreshed = false;
    let lastProblem = '';
    for (let attempt = 0; attempt < retry.tries; attempt++) {
      const bearer = await currentToken(false);
      let response;
      try {
        response = await got(url, {
          method,
          body: init.body,
          headers: { accept: 'application/json', authorization: `Bearer ${bearer}`, ...init.headers },
          timeout: { request: timeoutMs },
          retry: { limit: 0 },
          throwHttpErrors: false,
          followRedirect: false,
          signal: init.signal,
        });
      } catch (err) {
        if (init.signal?.aborted) throw init.signal.reason;
        lastProblem = (err as NodeJS.ErrnoException).code ?? (err as Error).message;
        if (attempt + 1 < retry.tries) await sleep(backoff(attempt), init.signal);
        continue;
      }
      if (response.body.length > MAX_BODY_BYTES)
        throw new AppError('remote_error', `Partner Center sent an answer larger than ${MAX_BODY_BYTES} bytes.`);
      const status = response.statusCode;
      if (status === 401) {
        // one forced refresh: the cached token may have been revoked; a second 401 means the sign-in is no good
        if (refreshed) throw signedOut('Partner Center', 'expired');
        refreshed = true;
        await currentToken(true);
        // the refresh is not a failure of the service: it does not use up an attempt
        attempt--;
        continue;
      }
      lastProblem = String(status);
      if (status === 429) {
        const wait = retryAfterMs(response.headers['retry-after'] as string | undefined) ?? backoff(attempt);
        if (wait > retry.maxRetryAfterMs)
          throw new AppError(
            'remote_throttled',
            `Partner Center is throttling requests and asked to wait ${Math.ceil(wait / 1000)} s; try again later.`,
          );
        if (attempt + 1 < retry.tries) await sleep(wait, init.signal);
        continue;
      }
      if (status >= 500) {
        if (attempt + 1 < retry.tries) await sleep(backoff(attempt), init.signal);
        continue;
      }
      return { status, body: response.body, headers: response.headers };
    }
    throw new AppError(
      'remote_unavailable',
      `Partner Center did not answer successfully after ${retry.tries} tries (last: ${/^\d+$/.test(lastProblem) ? `HTTP ${lastProblem}` : lastProblem}).`,
    );
  };

  const failed = (status: number, body: string, what: string): AppError => {
    if (status === 403)
      return new AppError(
        'remote_error',
        'Partner Center refused access: the signed-in account needs the Referral Admin or Referral User role.',
      );
    if (status === 404) return new AppError('not_found', `Partner Center does not know ${what}.`);
    let detail = '';
    try {
      const parsed = JSON.parse(body) as { message?: unknown; error?: { message?: unknown } };
      const message = parsed.error?.message ?? parsed.message;
      if (typeof message === 'string') detail = `: ${message.slice(0, 200)}`;
    } catch {
      // not JSON: the status says enough
    }
    return new AppError('remote_error', `Partner Center answered HTTP ${status} for ${what}${detail}.`);
  };

  const parseJson = (body: string, where: string): unknown => {
    try {
      return JSON.parse(body);
    } catch {
      throw new AppError('remote_error', `Partner Center sent a malformed answer (${where}: not complete JSON).`);
    }
  };

  const referralUrl = (id: string) => new URL(`v1.0/engagements/referrals/${encodeURIComponent(id)}`, withSlash(base));

  return {
    async *pages({ updatedSince, signal }) {
      let url: URL | null = new URL('v1.0/engagements/referrals', withSlash(base));
      url.searchParams.set('$top', String(PAGE_SIZE));
      if (updatedSince) {
        url.searchParams.set('$filter', `updatedDateTime gt ${updatedSince}`);
        url.searchParams.set('$orderby', 'updatedDateTime');
      }
      const seen = new Set<string>();
      for (let page = 1; url; page++) {
        if (page > MAX_PAGES) throw new AppError('remote_error', `Partner Center kept paging past ${MAX_PAGES} pages.`);
        if (seen.has(url.href))
          throw new AppError('remote_error', `Partner Center repeated a page link (page ${page}).`);
        seen.add(url.href);
        const r = await request('GET', url, { signal });
        if (r.status !== 200) throw failed(r.status, r.body, 'the referral list');
        const parsed = PageSchema.safeParse(parseJson(r.body, `page ${page}`));
        if (!parsed.success)
          throw new AppError('remote_error', `Partner Center sent a malformed page (page ${page}: no "value" list).`);
        yield parsed.data.value.map((item, i) => referralOf(item, `page ${page}, item ${i + 1}`));
        const next = parsed.data['@odata.nextLink'];
        url = next ? new URL(next, withSlash(base)) : null;
      }
    },

    async get(id, signal) {
      const r = await request('GET', referralUrl(id), { signal });
      if (r.status !== 200) throw failed(r.status, r.body, `referral ${id}`);
      return referralOf(parseJson(r.body, `referral ${id}`), `referral ${id}`);
    },

    async patch(id, ops, etag, signal) {
      const r = await request('PATCH', referralUrl(id), {
        body: JSON.stringify(ops),
        headers: { 'content-type': 'application/json', 'if-match': etag, prefer: 'return=representation' },
        signal,
      });
      if (r.status === 412)
        throw new AppError('conflict', `Referral ${id} was changed in Partner Center since the last sync.`);
      if (r.status === 204) return this.get(id, signal);
      if (r.status !== 200) throw failed(r.status, r.body, `referral ${id}`);
      return referralOf(parseJson(r.body, `referral ${id}`), `referral ${id}`);
    },
  };
}

function withSlash(url: URL): URL {
  return url.pathname.endsWith('/') ? url : new URL(`${url.href}/`);
}
