import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createNodeSecretStore, secretFilesBeside } from '../../main/platform/node-secret-store';
import type { NodeSecretStoreFiles } from '../../main/platform/node-secret-store';

let dir: string;
let files: NodeSecretStoreFiles;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hunter-secrets-'));
  files = secretFilesBeside(path.join(dir, 'hunter.db'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const stored = () => JSON.parse(fs.readFileSync(files.secretsFile, 'utf8')) as Record<string, string>;

describe('Node secret store', () => {
  it('keeps values beside the database, encrypted and tagged with the algorithm, readable by a new instance', () => {
    createNodeSecretStore(files).set('pc.cache', 'refresh-token-çok-gizli');
    expect(path.dirname(files.secretsFile)).toBe(dir);
    expect(stored()['pc.cache']).toMatch(/^\$aes256gcm:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$/);
    expect(fs.readFileSync(files.secretsFile, 'utf8')).not.toContain('refresh-token');
    expect(createNodeSecretStore(files).get('pc.cache')).toBe('refresh-token-çok-gizli');
  });

  it('creates both files owner-only (0600)', () => {
    createNodeSecretStore(files).set('a', 'b');
    expect(fs.statSync(files.secretsFile).mode & 0o777).toBe(0o600);
    expect(fs.statSync(files.keyFile).mode & 0o777).toBe(0o600);
  });

  it('answers null for a missing name, and before anything was stored', () => {
    const secrets = createNodeSecretStore(files);
    expect(secrets.get('nothing')).toBeNull();
    secrets.set('a', 'b');
    expect(secrets.get('nothing')).toBeNull();
  });

  it('deletes one value and keeps the others', () => {
    const secrets = createNodeSecretStore(files);
    secrets.set('a', '1');
    secrets.set('b', '2');
    secrets.delete('a');
    expect(secrets.get('a')).toBeNull();
    expect(secrets.get('b')).toBe('2');
    expect(Object.keys(stored())).toEqual(['b']);
  });

  it('refuses a value tampered with, or moved under another name', () => {
    const secrets = createNodeSecretStore(files);
    secrets.set('a', 'value-a');
    const all = stored();
    fs.writeFileSync(files.secretsFile, JSON.stringify({ a: all.a.slice(0, -4) + 'AAA=', b: all.a }));
    expect(secrets.get('a')).toBeNull();
    expect(secrets.get('b')).toBeNull();
  });

  it('cannot read the values without the key file, and starts afresh when a value is stored again', () => {
    createNodeSecretStore(files).set('a', 'old');
    fs.rmSync(files.keyFile);
    const secrets = createNodeSecretStore(files);
    expect(secrets.get('a')).toBeNull();
    secrets.set('b', 'new');
    expect(secrets.get('b')).toBe('new');
    expect(secrets.get('a')).toBeNull();
  });
});
