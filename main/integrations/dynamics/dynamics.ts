// The Dynamics 365 feature as the composition root wires it: connection settings (saved, overridden by HUNTER_D365_*
// in the environment), the sign-in (delegated, or client credentials when a secret is set), the Web API client and
// mapping, the outbox and its background worker.
import type { D365Settings, D365SettingsPatch, D365SettingsView, D365WhoAmI } from '../../../shared/dynamics';
import { D365SettingsSchema } from '../../../shared/dynamics';
import type { LeadDetail } from '../../../shared/leads';
import { AppError } from '../../core/app-error';
import type { SecretStore } from '../../platform/platform';
import type { Store } from '../../store/db';
import { createAppTokenProvider } from '../auth/app-token-provider';
import type { TokenProvider } from '../auth/token-provider';
import { createUserSignIn } from '../auth/user-sign-in';
import type { UserSignIn } from '../auth/user-sign-in';
import { DataverseClient } from './client';
import { loadD365Mapping } from './mapping';
import { D365Outbox, queuePush } from './outbox';
import type { D365Runtime, OutboxOptions } from './outbox';
import { OutboxWorker } from './outbox-worker';
import type { OnDuplicate, PushMode } from './push-plan';

const SETTINGS_KEY = 'dynamics';
const SECRET_KEY = 'dynamics.client_secret';
const CACHE_KEY = 'dynamics.msal_cache';
export const DEFAULT_AUTHORITY = 'https://login.microsoftonline.com/organizations';

const ENV: Record<keyof Omit<D365Settings, 'fields_off'>, string> = {
  url: 'HUNTER_D365_URL',
  authority: 'HUNTER_D365_AUTHORITY',
  client_id: 'HUNTER_D365_CLIENT_ID',
  scope: 'HUNTER_D365_SCOPE',
};

export interface D365Connection {
  url: string;
  authority: string;
  clientId: string;
  scope: string;
  clientSecret: string | null;
}

export interface DynamicsDeps {
  store: Store;
  secrets: SecretStore;
  resources: string;
  env: NodeJS.ProcessEnv;
  /** plain-text sales summary of a lead, in the user's language */
  salesSummary(lead: LeadDetail): string;
  /** the currency the user's prices are in */
  currency(): string;
  enabled(): boolean;
  onChange(domain: string): void;
  /** each push attempt's outcome, for the success/failure-by-cause figures */
  onAttempt?: OutboxOptions['onAttempt'];
}

export interface Dynamics {
  settings(): D365SettingsView;
  saveSettings(patch: D365SettingsPatch): D365SettingsView;
  /** the resolved connection; throws not_configured naming what is missing */
  connection(): D365Connection;
  /** the delegated sign-in (device code in the CLI, system browser in the app) */
  userSignIn(): UserSignIn;
  whoAmI(): Promise<D365WhoAmI>;
  /** queues a push of a stored lead; the worker (or the caller) sends it */
  queue(domain: string, mode: PushMode, onDuplicate: OnDuplicate): number;
  runtime(): D365Runtime | null;
  outbox: D365Outbox;
  worker: OutboxWorker;
}

function saved(store: Store): D365Settings {
  const defaults: D365Settings = { url: '', authority: '', client_id: '', scope: '', fields_off: [] };
  const parsed = D365SettingsSchema.safeParse({
    ...defaults,
    ...(store.settings.get<Partial<D365Settings>>(SETTINGS_KEY) ?? {}),
  });
  return parsed.success ? parsed.data : defaults;
}

export function createDynamics(deps: DynamicsDeps): Dynamics {
  const { store, secrets, env } = deps;
  const envFieldsOff = (env.HUNTER_D365_FIELDS_OFF ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const effective = (): D365Settings => {
    const s = saved(store);
    const fromEnv = Object.fromEntries(
      Object.entries(ENV).flatMap(([k, name]) => (env[name]?.trim() ? [[k, env[name]!.trim()]] : [])),
    );
    return D365SettingsSchema.parse({ ...s, ...fromEnv, fields_off: [...s.fields_off, ...envFieldsOff] });
  };
  const secret = () => env.HUNTER_D365_CLIENT_SECRET?.trim() || secrets.get(SECRET_KEY) || null;

  const view = (): D365SettingsView => {
    const s = effective();
    return {
      ...s,
      has_secret: secret() !== null,
      from_env: Object.entries(ENV).flatMap(([k, name]) => (env[name]?.trim() ? [k] : [])),
      sign_in: secret() ? 'client_credentials' : 'delegated',
    };
  };

  const connection = (): D365Connection => {
    const s = effective();
    const missing = [
      ...(s.url ? [] : ['organisation URL (HUNTER_D365_URL)']),
      ...(s.client_id ? [] : ['client id (HUNTER_D365_CLIENT_ID)']),
    ];
    if (missing.length > 0)
      throw new AppError('not_configured', `Dynamics 365 is not set up: missing ${missing.join(' and ')}`);
    const url = s.url.replace(/\/+$/, '');
    return {
      url,
      authority: s.authority || DEFAULT_AUTHORITY,
      clientId: s.client_id,
      scope: s.scope || `${url}/user_impersonation`,
      clientSecret: secret(),
    };
  };

  // one sign-in, client and mapping per connection; rebuilt when a setting changes
  let cached: { key: string; signIn: UserSignIn; runtime: D365Runtime } | null = null;
  const build = () => {
    const c = connection();
    const fieldsOff = effective().fields_off;
    const key = JSON.stringify([c, fieldsOff]);
    if (cached?.key === key) return cached;
    const signIn = createUserSignIn({
      service: 'Dynamics 365',
      authority: c.authority,
      clientId: c.clientId,
      scopes: [c.scope],
      secrets,
      cacheKey: CACHE_KEY,
    });
    const tokens: TokenProvider = c.clientSecret
      ? createAppTokenProvider({
          service: 'Dynamics 365',
          authority: c.authority,
          clientId: c.clientId,
          clientSecret: c.clientSecret,
          scopes: [`${c.url}/.default`],
        })
      : signIn;
    const runtime = {
      client: new DataverseClient({ orgUrl: c.url, tokens }),
      mapping: loadD365Mapping(deps.resources, fieldsOff),
    };
    cached = { key, signIn, runtime };
    return cached;
  };

  const outbox = new D365Outbox({
    store,
    connect: () => {
      try {
        return build().runtime;
      } catch (err) {
        if (err instanceof AppError && err.code === 'not_configured') return null;
        throw err;
      }
    },
    onChange: deps.onChange,
    onAttempt: deps.onAttempt,
  });
  const worker = new OutboxWorker(outbox, store.d365Outbox, { enabled: deps.enabled });

  return {
    settings: view,
    saveSettings(patch) {
      const { client_secret, ...rest } = patch;
      const next = D365SettingsSchema.parse({ ...saved(store), ...rest });
      store.settings.set(SETTINGS_KEY, next);
      if (client_secret !== undefined) {
        if (client_secret === '') secrets.delete(SECRET_KEY);
        else secrets.set(SECRET_KEY, client_secret);
      }
      return view();
    },
    connection,
    userSignIn: () => build().signIn,
    async whoAmI() {
      const { client } = build().runtime;
      const me = await client.whoAmI();
      const user = await client.getById('systemusers', me.UserId, ['fullname', 'domainname']);
      const name = user?.domainname ?? user?.fullname;
      return {
        user_id: me.UserId,
        business_unit_id: me.BusinessUnitId,
        organization_id: me.OrganizationId,
        user_name: typeof name === 'string' ? name : null,
      };
    },
    queue(domain, mode, onDuplicate) {
      const lead = store.leads.getLead(domain);
      if (!lead) throw new AppError('not_found', `${domain}: no such lead`);
      const id = queuePush(store, {
        lead,
        mode,
        onDuplicate,
        salesSummary: deps.salesSummary(lead),
        defaultCurrency: deps.currency(),
      });
      deps.onChange(domain);
      worker.wake();
      return id;
    },
    runtime: () => outbox.connect(),
    outbox,
    worker,
  };
}
