// A local Dataverse Web API (v9.2) with the semantics Hunter relies on: create answers 204 + OData-EntityId (201 with
// the record under Prefer: return=representation), PATCH <set>(<id>) is an upsert (If-Match / If-None-Match honoured),
// $filter look-ups, WhoAmI, and Dataverse's own 400/404/412 error bodies for undeclared or wrongly-cased properties,
// bad @odata.bind values and missing bound records. Faults (429 + Retry-After, 500, a connection dropped before or
// after the write commits, slow answers, being offline) are injected per request. Every record and every write is
// kept so tests can assert that each record exists exactly once.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo, Socket } from 'node:net';

type AttrType = 'string' | 'int' | 'decimal' | 'date' | 'datetime' | 'option';

interface EntityDef {
  logical: string;
  attributes: Record<string, AttrType>;
  /** navigation property → entity set it points to */
  navigation: Record<string, string>;
  /** alternate keys usable in <set>(<key>='<value>') */
  alternateKeys?: string[];
}

const HNT_LEAD_COLUMNS: Record<string, AttrType> = {
  hnt_domain: 'string',
  hnt_finalscore: 'int',
  hnt_priorityscore: 'int',
  hnt_provider: 'string',
  hnt_huntertenantsize: 'option',
  hnt_infrasummary: 'string',
  hnt_referralid: 'string',
  hnt_tenantid: 'string',
  hnt_source: 'option',
  hnt_m365fitscore: 'int',
  hnt_processingstatus: 'option',
  hnt_lastsynctime: 'datetime',
  hnt_d365leadid: 'string',
};

export const ENTITIES: Record<string, EntityDef> = {
  leads: {
    logical: 'lead',
    attributes: {
      subject: 'string',
      companyname: 'string',
      websiteurl: 'string',
      emailaddress1: 'string',
      firstname: 'string',
      lastname: 'string',
      telephone1: 'string',
      description: 'string',
      leadsourcecode: 'option',
      ...HNT_LEAD_COLUMNS,
    },
    navigation: { parentaccountid: 'accounts', parentcontactid: 'contacts', ownerid: 'systemusers' },
  },
  accounts: {
    logical: 'account',
    attributes: { name: 'string', websiteurl: 'string', telephone1: 'string', description: 'string' },
    navigation: { primarycontactid: 'contacts' },
  },
  contacts: {
    logical: 'contact',
    attributes: {
      firstname: 'string',
      lastname: 'string',
      emailaddress1: 'string',
      telephone1: 'string',
      jobtitle: 'string',
    },
    navigation: { parentcustomerid_account: 'accounts', parentcustomerid_contact: 'contacts' },
  },
  opportunities: {
    logical: 'opportunity',
    attributes: { name: 'string', estimatedvalue: 'decimal', estimatedclosedate: 'date', description: 'string' },
    navigation: {
      customerid_account: 'accounts',
      customerid_contact: 'contacts',
      parentaccountid: 'accounts',
      parentcontactid: 'contacts',
      transactioncurrencyid: 'transactioncurrencies',
    },
  },
  annotations: {
    logical: 'annotation',
    attributes: { subject: 'string', notetext: 'string' },
    navigation: { objectid_lead: 'leads', objectid_opportunity: 'opportunities', objectid_account: 'accounts' },
  },
  transactioncurrencies: {
    logical: 'transactioncurrency',
    attributes: { isocurrencycode: 'string', currencyname: 'string' },
    navigation: {},
    alternateKeys: ['isocurrencycode'],
  },
  systemusers: {
    logical: 'systemuser',
    attributes: { fullname: 'string', domainname: 'string' },
    navigation: {},
  },
};

export type FakeRecord = Record<string, unknown> & { id: string };

export interface WriteLog {
  method: 'PATCH' | 'POST';
  set: string;
  id: string;
  created: boolean;
  body: Record<string, unknown>;
}

export interface Fault {
  method?: string;
  /** entity set (or "WhoAmI"); any when left out */
  set?: string;
  /** how many matching requests it applies to (default 1) */
  times?: number;
  kind: 'status' | 'drop-before' | 'drop-after-commit' | 'delay';
  status?: number;
  retryAfterSeconds?: number;
  delayMs?: number;
  /** error body code and message for kind "status" */
  code?: string;
  message?: string;
}

export interface FakeDataverseOptions {
  /** https with this certificate (testTls() gives the test CA's one for 127.0.0.1); plain http without */
  tls?: { key: string | Buffer; cert: string | Buffer };
  /** columns this organisation lacks, per entity set (a custom column that was never created) */
  missingColumns?: Record<string, string[]>;
  /** whether a bearer token is accepted; default any non-empty one */
  acceptToken?: (token: string) => boolean;
  /** milliseconds every answer waits (a real service's latency) */
  latencyMs?: number;
}

export interface RequestLog {
  method: string;
  path: string;
  status: number;
}

export interface FakeDataverse {
  url: string;
  /** entity set → id → record */
  records: Map<string, Map<string, FakeRecord>>;
  writes: WriteLog[];
  requests: RequestLog[];
  /** connections refused while offline */
  refusedConnections: number;
  maxConcurrent: number;
  user: { id: string; businessUnitId: string; organizationId: string; fullname: string; domainname: string };
  fault(f: Fault): void;
  /** milliseconds every answer waits from now on */
  setLatency(ms: number): void;
  setOffline(offline: boolean): void;
  /** records of a set whose column equals value */
  find(set: string, column: string, value: unknown): FakeRecord[];
  /** a record added directly, as one a seller typed into Dynamics 365 */
  seed(set: string, attributes: Record<string, unknown>, id?: string): string;
  close(): Promise<void>;
}

class ODataError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** The test CA's certificate for 127.0.0.1, trusted by every test process through NODE_EXTRA_CA_CERTS. */
export function testTls(): { key: Buffer; cert: Buffer } {
  const dir = path.join(import.meta.dirname, 'tls');
  return {
    key: fs.readFileSync(path.join(dir, 'server-key.pem')),
    cert: fs.readFileSync(path.join(dir, 'server.pem')),
  };
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const BASE = '/api/data/v9.2/';

// ---- $filter: eq / ne on columns, startswith / endswith / contains, and / or, parentheses ----

type Pred = (r: Record<string, unknown>) => boolean;

function parseFilter(src: string, def: EntityDef, missingColumns: string[]): Pred {
  const tokens =
    src.match(
      /'(?:[^']|'')*'|\(|\)|,|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[A-Za-z_][A-Za-z0-9_]*|-?\d+(?:\.\d+)?/gi,
    ) ?? [];
  let pos = 0;
  const peek = () => tokens[pos];
  const next = () => tokens[pos++];
  const expect = (t: string) => {
    if (next() !== t) throw new ODataError(400, '0x80060888', `Syntax error in $filter near position ${pos}`);
  };
  const column = (name: string | undefined): string => {
    if (!name) throw new ODataError(400, '0x80060888', 'Syntax error in $filter');
    const id = `${def.logical}id`;
    if (name !== id && !(name in def.attributes) && !/^_[a-z0-9_]+_value$/.test(name))
      throw new ODataError(
        400,
        '0x80060888',
        `Could not find a property named '${name}' on type 'Microsoft.Dynamics.CRM.${def.logical}'.`,
      );
    if (missingColumns.includes(name))
      throw new ODataError(
        400,
        '0x80060888',
        `Could not find a property named '${name}' on type 'Microsoft.Dynamics.CRM.${def.logical}'.`,
      );
    // records keep their key as `id`
    return name === id ? 'id' : name;
  };
  const literal = (t: string | undefined): unknown => {
    if (t === undefined) throw new ODataError(400, '0x80060888', 'Syntax error in $filter');
    if (t.startsWith("'")) return t.slice(1, -1).replace(/''/g, "'");
    if (t === 'null') return null;
    if (t === 'true' || t === 'false') return t === 'true';
    if (GUID.test(t)) return t.toLowerCase();
    return Number(t);
  };
  const primary = (): Pred => {
    const t = next();
    if (t === '(') {
      const p = orExpr();
      expect(')');
      return p;
    }
    if (t === 'startswith' || t === 'endswith' || t === 'contains') {
      expect('(');
      const col = column(next());
      expect(',');
      const value = String(literal(next())).toLowerCase();
      expect(')');
      return (r) => {
        const v = r[col];
        if (typeof v !== 'string') return false;
        const s = v.toLowerCase();
        return t === 'startswith' ? s.startsWith(value) : t === 'endswith' ? s.endsWith(value) : s.includes(value);
      };
    }
    const col = column(t);
    const op = next();
    const value = literal(next());
    // Dataverse compares text case-insensitively
    const norm = (v: unknown) => (typeof v === 'string' ? v.toLowerCase() : (v ?? null));
    if (op === 'eq') return (r) => norm(r[col]) === norm(value);
    if (op === 'ne') return (r) => norm(r[col]) !== norm(value);
    throw new ODataError(400, '0x80060888', `Unsupported operator '${op}' in $filter`);
  };
  const andExpr = (): Pred => {
    let left = primary();
    while (peek() === 'and') {
      next();
      const l = left;
      const r = primary();
      left = (x) => l(x) && r(x);
    }
    return left;
  };
  const orExpr = (): Pred => {
    let left = andExpr();
    while (peek() === 'or') {
      next();
      const l = left;
      const r = andExpr();
      left = (x) => l(x) || r(x);
    }
    return left;
  };
  const pred = orExpr();
  if (pos !== tokens.length) throw new ODataError(400, '0x80060888', 'Syntax error in $filter');
  return pred;
}

export async function startFakeDataverse(options: FakeDataverseOptions = {}): Promise<FakeDataverse> {
  const records = new Map<string, Map<string, FakeRecord>>(Object.keys(ENTITIES).map((s) => [s, new Map()]));
  const writes: WriteLog[] = [];
  const requests: RequestLog[] = [];
  const faults: (Fault & { left: number })[] = [];
  const sockets = new Set<Socket>();
  let offline = false;
  let inFlight = 0;
  let latencyMs = options.latencyMs ?? 0;
  const user = {
    id: randomUUID(),
    businessUnitId: randomUUID(),
    organizationId: randomUUID(),
    fullname: 'Ayşe Yılmaz',
    domainname: 'ayse@contoso.test',
  };
  records.get('systemusers')!.set(user.id, { id: user.id, fullname: user.fullname, domainname: user.domainname });
  for (const iso of ['EUR', 'USD', 'TRY', 'GBP']) {
    const id = randomUUID();
    records.get('transactioncurrencies')!.set(id, { id, isocurrencycode: iso, currencyname: iso });
  }
  const missing = (set: string) => options.missingColumns?.[set] ?? [];

  const state: FakeDataverse = {
    url: '',
    records,
    writes,
    requests,
    refusedConnections: 0,
    maxConcurrent: 0,
    user,
    fault(f) {
      faults.push({ ...f, left: f.times ?? 1 });
    },
    setLatency(ms) {
      latencyMs = ms;
    },
    setOffline(v) {
      offline = v;
      // kept-alive connections go down with the network too
      if (v) for (const s of sockets) s.destroy();
    },
    find(set, column, value) {
      return [...(records.get(set)?.values() ?? [])].filter((r) => r[column] === value);
    },
    seed(set, attributes, id = randomUUID()) {
      records.get(set)!.set(id, { ...attributes, id });
      return id;
    },
    close() {
      for (const s of sockets) s.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };

  function takeFault(method: string, set: string): Fault | null {
    const i = faults.findIndex((f) => (!f.method || f.method === method) && (!f.set || f.set === set));
    if (i < 0) return null;
    const f = faults[i];
    if (--f.left <= 0) faults.splice(i, 1);
    return f;
  }

  function resolveKey(set: string, key: string): string | null {
    const def = ENTITIES[set];
    if (GUID.test(key)) return key.toLowerCase();
    const m = /^([a-z0-9_]+)='((?:[^']|'')*)'$/.exec(key);
    if (!m || !def.alternateKeys?.includes(m[1]))
      throw new ODataError(400, '0x80060888', `Bad key '${key}' for entity set '${set}'`);
    const value = m[2].replace(/''/g, "'");
    const found = [...records.get(set)!.values()].find((r) => r[m[1]] === value);
    return found ? found.id : null;
  }

  function notFound(set: string, key: string): ODataError {
    return new ODataError(404, '0x80040217', `${ENTITIES[set].logical} With Id = ${key} Does Not Exist`);
  }

  function representation(set: string, r: FakeRecord): Record<string, unknown> {
    const { id, ...rest } = r;
    return {
      '@odata.context': `${state.url}${BASE}$metadata#${set}/$entity`,
      '@odata.etag': `W/"${String(rest.versionnumber ?? 1)}"`,
      [`${ENTITIES[set].logical}id`]: id,
      ...rest,
    };
  }

  function select(set: string, r: FakeRecord, fields: string[] | null): Record<string, unknown> {
    const full = representation(set, r);
    if (!fields) return full;
    const idName = `${ENTITIES[set].logical}id`;
    return Object.fromEntries(
      Object.entries(full).filter(([k]) => k.startsWith('@') || k === idName || fields.includes(k)),
    );
  }

  function checkValue(set: string, column: string, type: AttrType, value: unknown): void {
    const fail = () => {
      throw new ODataError(
        400,
        '0x80060888',
        `Cannot convert the literal '${String(value)}' to the expected type of property '${column}' on '${ENTITIES[set].logical}'.`,
      );
    };
    if (value === null) return;
    if (type === 'string' && typeof value !== 'string') fail();
    if ((type === 'int' || type === 'option') && !Number.isInteger(value)) fail();
    if (type === 'decimal' && typeof value !== 'number') fail();
    if (type === 'date' && (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value))) fail();
    if (type === 'datetime' && (typeof value !== 'string' || Number.isNaN(Date.parse(value)))) fail();
  }

  /** The stored attributes of a write, or Dataverse's 400/404 for what it would reject. */
  function applyBody(set: string, body: unknown): Record<string, unknown> {
    const def = ENTITIES[set];
    if (body === null || typeof body !== 'object' || Array.isArray(body))
      throw new ODataError(400, '0x80060888', 'The request body must be a JSON object.');
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(body as Record<string, unknown>)) {
      const bindMatch = /^(.+)@odata\.bind$/.exec(key);
      if (bindMatch) {
        const nav = bindMatch[1];
        const target = def.navigation[nav];
        if (!target)
          throw new ODataError(
            400,
            '0x80060888',
            `An undeclared property '${nav}' which only has property annotations in the payload but no property value was found in the payload. In OData, only declared navigation properties and declared named streams can be represented as properties without values.`,
          );
        const m = typeof value === 'string' ? /^\/?([a-z]+)\((.+)\)$/.exec(value) : null;
        if (!m || m[1] !== target)
          throw new ODataError(
            400,
            '0x80060888',
            `The URI '${String(value)}' in the @odata.bind annotation of '${nav}' does not identify a '${target}' record.`,
          );
        const id = resolveKey(target, m[2]);
        if (!id || !records.get(target)!.has(id)) throw notFound(target, m[2]);
        out[`_${nav.replace(/_(account|contact|lead|opportunity)$/, '')}_value`] = id;
        out[`_${nav}_value`] = id;
        continue;
      }
      if (key.includes('@')) continue;
      const type = def.attributes[key];
      if (!type || missing(set).includes(key))
        throw new ODataError(
          400,
          '0x80060888',
          `The property '${key}' does not exist on type 'Microsoft.Dynamics.CRM.${def.logical}'. Make sure to only use property names that are defined by the type.`,
        );
      checkValue(set, key, type, value);
      out[key] = value;
    }
    return out;
  }

  function write(
    method: 'PATCH' | 'POST',
    set: string,
    key: string | null,
    body: unknown,
    headers: http.IncomingHttpHeaders,
  ): { status: number; id: string; created: boolean } {
    const table = records.get(set)!;
    const id = key ? resolveKey(set, key) : randomUUID();
    if (!id) throw notFound(set, key ?? '');
    const existing = table.get(id);
    if (method === 'PATCH' && headers['if-match'] === '*' && !existing) throw notFound(set, id);
    if (method === 'PATCH' && headers['if-none-match'] === '*' && existing)
      throw new ODataError(412, '0x80040237', 'A record with matching key values already exists.');
    const attrs = applyBody(set, body);
    const now = new Date().toISOString();
    const record: FakeRecord = existing
      ? { ...existing, ...attrs, modifiedon: now, versionnumber: Number(existing.versionnumber ?? 1) + 1 }
      : { ...attrs, id, createdon: now, modifiedon: now, versionnumber: 1 };
    table.set(id, record);
    writes.push({ method, set, id, created: !existing, body: body as Record<string, unknown> });
    return { status: existing ? 200 : 201, id, created: !existing };
  }

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://fake');
    const send = (status: number, body?: unknown, headers: Record<string, string> = {}) => {
      requests.push({ method: req.method ?? '', path: url.pathname + url.search, status });
      const text = body === undefined ? '' : JSON.stringify(body);
      res.writeHead(status, {
        'OData-Version': '4.0',
        ...(text ? { 'Content-Type': 'application/json; odata.metadata=minimal' } : {}),
        ...headers,
      });
      res.end(text);
    };
    const raw = await new Promise<string>((resolve) => {
      let data = '';
      req.setEncoding('utf8');
      req.on('data', (c: string) => (data += c));
      req.on('end', () => resolve(data));
    });
    if (latencyMs) await new Promise((r) => setTimeout(r, latencyMs));
    try {
      const auth = req.headers.authorization ?? '';
      const token = auth.startsWith('Bearer ') ? auth.slice(7) : '';
      if (!token || !(options.acceptToken ?? (() => true))(token))
        throw new ODataError(401, '0x80072560', 'The user is not a member of the organization.');
      if (!url.pathname.startsWith(BASE)) throw new ODataError(404, '0x8006088a', 'Resource not found.');
      const resource = decodeURIComponent(url.pathname.slice(BASE.length));
      const m = /^([A-Za-z]+)(?:\((.+)\))?$/.exec(resource);
      if (!m) throw new ODataError(404, '0x8006088a', `Resource not found for the segment '${resource}'.`);
      const [, set, key] = m;
      const method = req.method ?? 'GET';
      const fault = takeFault(method, set);
      if (fault?.kind === 'delay') await new Promise((r) => setTimeout(r, fault.delayMs ?? 1000));
      if (fault?.kind === 'drop-before') {
        req.socket.destroy();
        return;
      }
      if (fault?.kind === 'status') {
        send(
          fault.status ?? 500,
          { error: { code: fault.code ?? '0x80040216', message: fault.message ?? 'An unexpected error occurred.' } },
          fault.retryAfterSeconds !== undefined ? { 'Retry-After': String(fault.retryAfterSeconds) } : {},
        );
        return;
      }
      if (set === 'WhoAmI' && method === 'GET') {
        send(200, {
          '@odata.context': `${state.url}${BASE}$metadata#Microsoft.Dynamics.CRM.WhoAmIResponse`,
          BusinessUnitId: user.businessUnitId,
          UserId: user.id,
          OrganizationId: user.organizationId,
        });
        return;
      }
      const def = ENTITIES[set];
      if (!def) throw new ODataError(404, '0x8006088a', `Resource not found for the segment '${set}'.`);
      const version = req.headers['odata-version'];
      if (version && version !== '4.0') throw new ODataError(400, '0x80060888', 'Unsupported OData-Version.');
      const prefer = String(req.headers.prefer ?? '');
      const fields = url.searchParams.get('$select')?.split(',') ?? null;
      if (method === 'GET') {
        if (key) {
          const id = resolveKey(set, key);
          const r = id ? records.get(set)!.get(id) : undefined;
          if (!r) throw notFound(set, key);
          send(200, select(set, r, fields));
          return;
        }
        const filter = url.searchParams.get('$filter');
        const pred = filter ? parseFilter(filter, def, missing(set)) : () => true;
        const top = Number(url.searchParams.get('$top') ?? '5000');
        const value = [...records.get(set)!.values()]
          .filter(pred)
          .slice(0, top)
          .map((r) => select(set, r, fields));
        send(200, { '@odata.context': `${state.url}${BASE}$metadata#${set}`, value });
        return;
      }
      if ((method === 'PATCH' && key) || (method === 'POST' && !key)) {
        if (!String(req.headers['content-type'] ?? '').startsWith('application/json'))
          throw new ODataError(415, '0x80060888', 'Content-Type must be application/json.');
        let body: unknown;
        try {
          body = JSON.parse(raw);
        } catch {
          throw new ODataError(400, '0x80060888', 'The request body is not valid JSON.');
        }
        const result = write(method, set, key ?? null, body, req.headers);
        if (fault?.kind === 'drop-after-commit') {
          req.socket.destroy();
          return;
        }
        const entityId = `${state.url}${BASE}${set}(${result.id})`;
        if (prefer.includes('return=representation')) {
          send(method === 'POST' ? 201 : result.status, select(set, records.get(set)!.get(result.id)!, fields), {
            'OData-EntityId': entityId,
          });
        } else {
          send(204, undefined, { 'OData-EntityId': entityId });
        }
        return;
      }
      throw new ODataError(405, '0x80060888', `The HTTP method '${method}' is not allowed on '${resource}'.`);
    } catch (err) {
      if (err instanceof ODataError) send(err.status, { error: { code: err.code, message: err.message } });
      else send(500, { error: { code: '0x80040216', message: (err as Error).message } });
    }
  }

  const listener = (req: http.IncomingMessage, res: http.ServerResponse) => {
    inFlight++;
    state.maxConcurrent = Math.max(state.maxConcurrent, inFlight);
    res.on('close', () => inFlight--);
    void handle(req, res);
  };
  const server = options.tls ? https.createServer({ ...options.tls }, listener) : http.createServer(listener);
  server.on('connection', (socket: Socket) => {
    if (offline) {
      state.refusedConnections++;
      socket.destroy();
      return;
    }
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  if (options.tls) {
    // a TLS server's 'connection' fires before the handshake; drop offline sockets there too
    server.on('secureConnection', (socket: Socket) => {
      if (offline) socket.destroy();
    });
  }
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  state.url = `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}`;
  return state;
}
