// A local https Partner Center Referrals API (v1.0 engagements) for the real client: bearer tokens checked against
// the fake identity server, $top/$filter/$orderby and @odata.nextLink paging with items repeated across pages (as
// the real API does), JSON Patch with If-Match/eTag, and scripted faults (401 once, 429 Retry-After, 500, a
// truncated page).
import crypto from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FakeIdentity } from './fake-identity';
import { readBody, sendJson, startHttpsServer } from './tls/test-tls';

export type Referral = Record<string, unknown> & { id: string; updatedDateTime: string; eTag: string };

export type Fault =
  /** answered normally: lets a later fault hit a later request */
  | { kind: 'pass' }
  | { kind: 'status'; status: number; retryAfter?: string }
  /** 401 even for a valid token, as after a revocation the client cannot know of */
  | { kind: 'unauthorized' }
  /** a 200 whose JSON body is cut off half-way */
  | { kind: 'truncated' }
  /** the connection is dropped without an answer */
  | { kind: 'reset' };

export interface FakePartnerCenterOptions {
  identity: FakeIdentity;
  referrals?: Referral[];
  /** items per page when the client asks for more (the API's cap is 100) */
  pageSize?: number;
  /** repeat the last item of each page at the start of the next one */
  repeatAcrossPages?: boolean;
}

export interface FakePartnerCenter {
  url: string;
  referrals: Map<string, Referral>;
  /** faults served to the next list/get/patch requests, in order (one request each) */
  faults: Fault[];
  /** method, path+query and answer of every request */
  requests: { method: string; url: string; status: number }[];
  /** a change made in Partner Center by someone else: new eTag and updatedDateTime */
  change(id: string, patch: Record<string, unknown>): Referral;
  put(referral: Referral): void;
  stop(): Promise<void>;
}

const ALLOWED_PATCH_PATHS = new Set([
  '/status',
  '/substatus',
  '/statusReason',
  '/details/dealValue',
  '/externalReferenceId',
]);
const VALID_STATES: Record<string, string[]> = {
  New: ['Pending', 'Received'],
  Active: ['Accepted'],
  Closed: ['Won', 'Lost', 'Declined', 'Expired'],
};

const newEtag = () => `"${crypto.randomBytes(8).toString('hex')}"`;

export async function startFakePartnerCenter(opts: FakePartnerCenterOptions): Promise<FakePartnerCenter> {
  const referrals = new Map<string, Referral>((opts.referrals ?? []).map((r) => [r.id, r]));
  const faults: Fault[] = [];
  const requests: FakePartnerCenter['requests'] = [];
  const pageSize = opts.pageSize ?? 100;
  let base = '';
  // a later change must sort after every earlier one even within the same millisecond
  let clock = Date.now();
  const tick = () => new Date((clock = Math.max(clock + 1, Date.now()))).toISOString();

  const answer = (req: IncomingMessage, res: ServerResponse, status: number, body?: unknown, headers = {}) => {
    requests.push({ method: req.method ?? '', url: req.url ?? '', status });
    if (body === undefined) {
      res.writeHead(status, headers).end();
      return;
    }
    sendJson(res, status, body, headers);
  };

  const list = (req: IncomingMessage, res: ServerResponse, url: URL) => {
    const skip = url.searchParams.get('$skiptoken');
    const q = skip ? new URLSearchParams(Buffer.from(skip, 'base64url').toString()) : url.searchParams;
    const offset = Number(q.get('offset') ?? 0);
    const top = Math.min(Number(q.get('$top') ?? pageSize), pageSize);
    let items = [...referrals.values()];
    const filter = q.get('$filter');
    if (filter) {
      const m = /^updatedDateTime gt (\S+)$/.exec(filter);
      if (!m || Number.isNaN(Date.parse(m[1])))
        return answer(req, res, 400, { error: { code: 'BadRequest', message: `unsupported $filter ${filter}` } });
      items = items.filter((r) => Date.parse(r.updatedDateTime) > Date.parse(m[1]));
    }
    const orderby = q.get('$orderby');
    if (orderby === 'updatedDateTime' || orderby === 'createdDateTime')
      items.sort((a, b) => String(a[orderby]).localeCompare(String(b[orderby])));
    else if (orderby) return answer(req, res, 400, { error: { code: 'BadRequest', message: `bad $orderby` } });
    // the real API repeats items across pages: start each later page one item early
    const start = offset > 0 && opts.repeatAcrossPages ? offset - 1 : offset;
    const page = items.slice(start, offset + top);
    const next = offset + top < items.length;
    const nextQuery = new URLSearchParams(q);
    nextQuery.set('offset', String(offset + top));
    nextQuery.delete('$skiptoken');
    return answer(req, res, 200, {
      '@odata.context': `${base}/v1.0/$metadata#referrals`,
      '@odata.count': items.length,
      value: page,
      ...(next
        ? {
            '@odata.nextLink': `${base}/v1.0/engagements/referrals?$skiptoken=${Buffer.from(nextQuery.toString()).toString('base64url')}`,
          }
        : {}),
    });
  };

  const patch = async (req: IncomingMessage, res: ServerResponse, referral: Referral) => {
    const ifMatch = req.headers['if-match'];
    if (ifMatch !== referral.eTag)
      return answer(req, res, 412, { error: { code: 'PreconditionFailed', message: 'eTag mismatch' } });
    let ops: { op: string; path: string; value: unknown }[];
    try {
      ops = JSON.parse(await readBody(req));
    } catch {
      return answer(req, res, 400, { error: { code: 'BadRequest', message: 'body is not JSON' } });
    }
    if (!Array.isArray(ops) || ops.some((o) => !['replace', 'add'].includes(o.op) || !ALLOWED_PATCH_PATHS.has(o.path)))
      return answer(req, res, 400, { error: { code: 'BadRequest', message: 'only replace/add of known paths' } });
    const next = structuredClone(referral) as Referral;
    for (const o of ops) {
      const keys = o.path.slice(1).split('/');
      let target = next as Record<string, unknown>;
      for (const k of keys.slice(0, -1)) target = (target[k] ??= {}) as Record<string, unknown>;
      target[keys.at(-1)!] = o.value;
    }
    if (!VALID_STATES[String(next.status)]?.includes(String(next.substatus)))
      return answer(req, res, 400, {
        error: { code: 'BadRequest', message: `invalid status ${next.status}/${next.substatus}` },
      });
    next.eTag = newEtag();
    next.updatedDateTime = tick();
    referrals.set(next.id, next);
    if (req.headers.prefer === 'return=representation') return answer(req, res, 200, next, { etag: next.eTag });
    return answer(req, res, 204);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', base);
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? '';
    const fault = faults.shift();
    if (fault?.kind === 'reset') {
      requests.push({ method: req.method ?? '', url: req.url ?? '', status: 0 });
      req.socket.destroy();
      return;
    }
    if (fault?.kind === 'unauthorized' || !opts.identity.verifyAccessToken(bearer))
      return answer(req, res, 401, { error: { code: 'Unauthorized', message: 'token invalid' } });
    if (fault?.kind === 'status')
      return answer(
        req,
        res,
        fault.status,
        { error: { code: 'Fault', message: `scripted ${fault.status}` } },
        fault.retryAfter ? { 'retry-after': fault.retryAfter } : {},
      );
    if (url.pathname === '/v1.0/engagements/referrals' && req.method === 'GET') {
      if (fault?.kind === 'truncated') {
        requests.push({ method: 'GET', url: req.url ?? '', status: 200 });
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ value: [...referrals.values()].slice(0, 3) }).slice(0, 120));
        return;
      }
      return list(req, res, url);
    }
    const m = /^\/v1\.0\/engagements\/referrals\/([^/]+)$/.exec(url.pathname);
    const referral = m ? referrals.get(decodeURIComponent(m[1])) : undefined;
    if (!m) return answer(req, res, 404, { error: { code: 'NotFound', message: 'no such path' } });
    if (!referral) return answer(req, res, 404, { error: { code: 'NotFound', message: 'no such referral' } });
    if (req.method === 'GET') return answer(req, res, 200, referral, { etag: referral.eTag });
    if (req.method === 'PATCH') return patch(req, res, referral);
    return answer(req, res, 405);
  };

  const server = await startHttpsServer(handle);
  base = server.url;

  return {
    url: base,
    referrals,
    faults,
    requests,
    change(id, patchValues) {
      const current = referrals.get(id);
      if (!current) throw new Error(`no referral ${id}`);
      const next = { ...current, ...patchValues, eTag: newEtag(), updatedDateTime: tick() } as Referral;
      referrals.set(id, next);
      return next;
    },
    put(referral) {
      referrals.set(referral.id, referral);
    },
    stop: server.stop,
  };
}
