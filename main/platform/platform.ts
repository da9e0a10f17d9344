// What differs between the Electron app and plain Node (CLI, web bridge, tests). Services receive a Platform and
// never ask which one they run on.

/**
 * Secrets (refresh tokens, the MSAL cache, a Dynamics client secret) at rest. Electron encrypts with the OS
 * keychain (safeStorage); plain Node keeps an owner-only file beside the database. Values never leave main.
 */
export interface SecretStore {
  get(key: string): string | null;
  set(key: string, value: string): void;
  delete(key: string): void;
}

export interface PlatformPaths {
  /** the folder holding the database and everything beside it */
  userData: string;
  /** where the JSON-lines logs rotate */
  logs: string;
}

export interface Platform {
  kind: 'electron' | 'node';
  secrets: SecretStore;
  paths: PlatformPaths;
  /** opens an http(s) address in the user's browser (sign-in pages, "open in Dynamics 365") */
  openUrl(url: string): Promise<void>;
  /** a desktop notification; under plain Node it only reaches the log */
  notify(title: string, body: string): void;
  /** whether the machine has a network connection (Electron's net.isOnline); absent = assume online */
  isOnline?(): boolean;
}
