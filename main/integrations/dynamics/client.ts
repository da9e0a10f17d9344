// Dataverse Web API v9.2 over got. Every request carries the OData headers and a bearer token; the client, not its
// callers, deals with the service's transient behaviour:
// - 429: wait the Retry-After the service asked for (all requests pause, as service protection expects), then resend;
// - 5xx and network errors: a few resends with growing delays, then a transient/unreachable DataverseError;
// - 401: one forced token refresh, then signed_out.
// Few requests run at once: the per-user limit is shared with everything else the user runs against the organisation.
import got from 'got';
import type { Got, Method } from 'got';
import { createLimiter } from '../../engine/dns/limiter';
import type { Limiter } from '../../engine/dns/limiter';
import type { TokenProvider } from '../auth/token-provider';
import { DataverseError, isSignedOutError } from './errors';

export const API_PATH = '/api/data/v9.2/';
/** a Dataverse answer is small JSON; anything bigger is not one */
const MAX_BODY_CHARS = 10_000_000;

export interface WhoAmI {
  UserId: string;
  BusinessUnitId: string;
  OrganizationId: string;
}

export type DataverseRecord = Record<string, unknown>;

export interface DataverseClientOptions {
  /** organisation URL, e.g. https://contoso.crm4.dynamics.com */
  orgUrl: string;
  tokens: TokenProvider;
  maxInFlight?: number;
  /** resends after a 5xx or a network error before giving up */
  maxResends?: number;
  /** first resend delay; it doubles each time */
  resendDelayMs?: number;
  /** 429 answers waited out for one request before it counts as a transient failure */
  maxThrottleWaits?: number;
  /** the longest Retry-After honoured as asked; longer ones are cut to this */
  maxRetryAfterMs?: number;
  timeoutMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

interface Answer {
  status: number;
  body: unknown;
  headers: Record<string, string | string[] | undefined>;
}

function odataError(body: unknown): { code: string | null; message: string | null } {
  const e = (body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  return {
    code: typeof e?.code === 'string' ? e.code : null,
    message: typeof e?.message === 'string' ? e.message.slice(0, 2000) : null,
  };
}

/** "0x80060888: The property 'x' does not exist…" — Dataverse's own words, as users should see them. */
function describe(status: number, body: unknown): { code: string | null; text: string } {
  const { code, message } = odataError(body);
  return { code, text: `Dynamics 365 answered ${status}${code ? ` ${code}` : ''}: ${message ?? 'no error text'}` };
}

function retryAfterMs(value: string | string[] | undefined): number | null {
  const v = Array.isArray(value) ? value[0] : value;
  if (!v) return null;
  const seconds = Number(v);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(v);
  return Number.isNaN(date) ? null : Math.max(0, date - Date.now());
}

export class DataverseClient {
  readonly orgUrl: string;
  private readonly limiter: Limiter;
  private readonly o: Required<Omit<DataverseClientOptions, 'orgUrl' | 'tokens'>>;
  /** while throttled, no request is sent (service protection counts them all) */
  private throttledUntil = 0;
  /** got with this client's fixed options merged once, not on every request */
  private readonly http: Got;

  constructor(private readonly options: DataverseClientOptions) {
    this.orgUrl = options.orgUrl.replace(/\/+$/, '');
    this.o = {
      maxInFlight: options.maxInFlight ?? 4,
      maxResends: options.maxResends ?? 3,
      resendDelayMs: options.resendDelayMs ?? 500,
      maxThrottleWaits: options.maxThrottleWaits ?? 10,
      maxRetryAfterMs: options.maxRetryAfterMs ?? 300_000,
      timeoutMs: options.timeoutMs ?? 30_000,
      sleep: options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
    };
    this.limiter = createLimiter(this.o.maxInFlight);
    this.http = got.extend({
      prefixUrl: `${this.orgUrl}${API_PATH}`,
      headers: {
        Accept: 'application/json',
        'OData-MaxVersion': '4.0',
        'OData-Version': '4.0',
        'If-None-Match': 'null',
      },
      throwHttpErrors: false,
      followRedirect: false,
      retry: { limit: 0 },
      timeout: { request: this.o.timeoutMs },
      responseType: 'text',
    });
  }

  async whoAmI(): Promise<WhoAmI> {
    const body = (await this.request('GET', 'WhoAmI')).body as Partial<WhoAmI> | null;
    const id = (v: unknown) => (typeof v === 'string' ? v : '');
    return {
      UserId: id(body?.UserId),
      BusinessUnitId: id(body?.BusinessUnitId),
      OrganizationId: id(body?.OrganizationId),
    };
  }

  /** One record by id, or null when it does not exist. */
  async getById(set: string, id: string, select: string[]): Promise<DataverseRecord | null> {
    const a = await this.request('GET', `${set}(${id})?$select=${select.join(',')}`, undefined, [404]);
    return a.status === 404 ? null : (a.body as DataverseRecord);
  }

  async query(set: string, filter: string, select: string[], top = 5): Promise<DataverseRecord[]> {
    const qs = new URLSearchParams({ $select: select.join(','), $filter: filter, $top: String(top) });
    const a = await this.request('GET', `${set}?${qs.toString().replace(/\+/g, '%20')}`);
    const value = (a.body as { value?: unknown }).value;
    return Array.isArray(value) ? (value as DataverseRecord[]) : [];
  }

  /**
   * Creates or updates the record with this id (PATCH is an upsert in Dataverse), so sending the same write twice,
   * after a crash or a lost answer, leaves one record.
   */
  async upsert(set: string, id: string, body: Record<string, unknown>): Promise<void> {
    await this.request('PATCH', `${set}(${id})`, body);
  }

  recordUrl(logicalName: string, id: string): string {
    return `${this.orgUrl}/main.aspx?pagetype=entityrecord&etn=${logicalName}&id=${id}`;
  }

  private async token(forceRefresh: boolean): Promise<string> {
    try {
      return await this.options.tokens.getToken(forceRefresh ? { forceRefresh } : undefined);
    } catch (err) {
      if (isSignedOutError(err))
        throw new DataverseError('signed_out', `${(err as Error).message} (Dynamics 365: sign in again)`);
      throw new DataverseError('unreachable', `Could not get a Dynamics 365 token: ${(err as Error).message}`);
    }
  }

  private async request(method: Method, path: string, body?: unknown, okStatuses: number[] = []): Promise<Answer> {
    let resends = 0;
    let throttleWaits = 0;
    let refreshed = false;
    for (;;) {
      const wait = this.throttledUntil - Date.now();
      if (wait > 0) await this.o.sleep(wait);
      const token = await this.token(refreshed);
      let answer: Answer;
      try {
        answer = await this.limiter.run(() => this.send(method, path, body, token));
      } catch (err) {
        if (resends < this.o.maxResends) {
          await this.o.sleep(this.o.resendDelayMs * 2 ** resends++);
          continue;
        }
        throw new DataverseError(
          'unreachable',
          `Dynamics 365 (${this.orgUrl}) is unreachable: ${(err as Error).message}`.slice(0, 500),
        );
      }
      const { status } = answer;
      if ((status >= 200 && status < 300) || okStatuses.includes(status)) return answer;
      const { code, text } = describe(status, answer.body);
      if (status === 401 && !refreshed) {
        refreshed = true;
        continue;
      }
      if (status === 401) throw new DataverseError('signed_out', `${text} (sign in again)`, status, code);
      if (status === 429) {
        if (throttleWaits++ < this.o.maxThrottleWaits) {
          const ms = Math.min(retryAfterMs(answer.headers['retry-after']) ?? 5000, this.o.maxRetryAfterMs);
          this.throttledUntil = Math.max(this.throttledUntil, Date.now() + ms);
          continue;
        }
        throw new DataverseError('transient', text, status, code);
      }
      if (status >= 500) {
        if (resends < this.o.maxResends) {
          await this.o.sleep(this.o.resendDelayMs * 2 ** resends++);
          continue;
        }
        throw new DataverseError('transient', text, status, code);
      }
      if (status === 400 || status === 403 || status === 404) throw new DataverseError('permanent', text, status, code);
      // anything else (412 concurrency or duplicate detection, 408, 409): retrying later may succeed
      throw new DataverseError('transient', text, status, code);
    }
  }

  /** One HTTP exchange; throws only when there is no answer (network failure, timeout, oversized answer). */
  private async send(method: Method, path: string, body: unknown, token: string): Promise<Answer> {
    const res = await this.http(path, {
      method,
      headers: {
        Authorization: `Bearer ${token}`,
        ...(body !== undefined ? { 'Content-Type': 'application/json; charset=utf-8' } : {}),
      },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    });
    if (res.body.length > MAX_BODY_CHARS) throw new Error(`answer of ${res.body.length} characters is too large`);
    let parsed: unknown = null;
    if (res.body) {
      try {
        parsed = JSON.parse(res.body);
      } catch {
        parsed = { error: { message: res.body.slice(0, 300) } };
      }
    }
    return { status: res.statusCode, body: parsed, headers: res.headers };
  }
}
