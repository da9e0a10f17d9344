// A generic update feed on 127.0.0.1 (latest*.yml plus the package it names), and electron-updater's real Linux
// updater on a plain-Node app adapter, so update checks and downloads run end to end without Electron.
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { RequestOptions } from 'node:http';
import { NodeHttpExecutor } from 'builder-util/out/nodeHttpExecutor';
import { configureRequestOptions, configureRequestUrl } from 'builder-util-runtime';
import type { DownloadOptions } from 'builder-util-runtime';
import { DebUpdater } from 'electron-updater';
import type { AppAdapter } from 'electron-updater/out/AppAdapter';

export interface FeedRelease {
  version: string;
  /** the package's bytes; the feed's sha512 is computed from them unless `sha512` says otherwise */
  body: Buffer;
  sha512?: string;
  releaseNotes?: string;
}

export interface FeedServer {
  url: string;
  /** request paths, in order */
  requests: string[];
  /** what latest*.yml answers: a release, raw text, or an HTTP status */
  serve(answer: FeedRelease | { text: string } | { status: number }): void;
  close(): Promise<void>;
}

export async function startFeedServer(): Promise<FeedServer> {
  let answer: FeedRelease | { text: string } | { status: number } = { status: 404 };
  const requests: string[] = [];
  const fileName = (version: string) => `Hunter-${version}-amd64.deb`;
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push(url.pathname);
    if ('status' in answer) {
      res.writeHead(answer.status).end();
    } else if (/\/latest[\w-]*\.yml$/.test(url.pathname)) {
      if ('text' in answer) {
        res.writeHead(200, { 'Content-Type': 'text/yaml' }).end(answer.text);
        return;
      }
      const sha512 = answer.sha512 ?? crypto.createHash('sha512').update(answer.body).digest('base64');
      const file = fileName(answer.version);
      res
        .writeHead(200, { 'Content-Type': 'text/yaml' })
        .end(
          [
            `version: ${answer.version}`,
            'files:',
            `  - url: ${file}`,
            `    sha512: ${sha512}`,
            `    size: ${answer.body.length}`,
            `path: ${file}`,
            `sha512: ${sha512}`,
            `releaseDate: '2026-11-30T00:00:00.000Z'`,
            `releaseNotes: ${JSON.stringify(answer.releaseNotes ?? '')}`,
            '',
          ].join('\n'),
        );
    } else if ('version' in answer && url.pathname.endsWith(`/${fileName(answer.version)}`)) {
      res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': answer.body.length });
      res.end(answer.body);
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/feed`,
    requests,
    serve(next) {
      answer = next;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Electron's executor downloads update packages through `net`; this one does it through Node's http. */
class NodeDownloadExecutor extends NodeHttpExecutor {
  download(url: URL, destination: string, options: DownloadOptions): Promise<string> {
    return options.cancellationToken.createPromise<string>((resolve, reject, onCancel) => {
      const requestOptions: RequestOptions = { headers: options.headers ?? undefined };
      configureRequestUrl(url, requestOptions);
      configureRequestOptions(requestOptions);
      this.doDownload(
        requestOptions,
        {
          destination,
          options,
          onCancel,
          callback: (error) => (error ? reject(error) : resolve(destination)),
          responseHandler: null,
        },
        0,
      );
    });
  }
}

/**
 * electron-updater's .deb updater for an installed Hunter `version` whose files live under `dir`. Installing is the
 * one step left out: it would run dpkg, so quitAndInstall only records its call.
 */
export function nodeUpdater(dir: string, version: string): { updater: DebUpdater; installs: unknown[][] } {
  fs.mkdirSync(path.join(dir, 'userData'), { recursive: true });
  const appUpdateConfigPath = path.join(dir, 'app-update.yml');
  fs.writeFileSync(
    appUpdateConfigPath,
    'provider: generic\nurl: https://updates.invalid/\nupdaterCacheDirName: hunter-updater\n',
  );
  const app: AppAdapter = {
    version,
    name: 'Hunter',
    isPackaged: true,
    appUpdateConfigPath,
    userDataPath: path.join(dir, 'userData'),
    baseCachePath: path.join(dir, 'cache'),
    whenReady: () => Promise.resolve(),
    relaunch() {},
    quit() {},
    onQuit() {},
  };
  const updater = new DebUpdater(null, app);
  // what the updater uses when it is given an app adapter instead of Electron's (Electron's executor needs `net`)
  Object.assign(updater, { httpExecutor: new NodeDownloadExecutor() });
  const installs: unknown[][] = [];
  updater.quitAndInstall = (...args: unknown[]) => void installs.push(args);
  return { updater, installs };
}
