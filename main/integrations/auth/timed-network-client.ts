import { AuthError } from '@azure/msal-node';
import type { INetworkModule, NetworkRequestOptions } from '@azure/msal-node';

/**
 * MSAL's own network client waits forever on a POST (token, device code) to a server that accepts the connection
 * and never answers; this one gives every request a deadline and reports failures as MSAL network errors.
 */
export function timedNetworkClient(timeoutMs: number): INetworkModule {
  const send = async <T>(
    url: string,
    method: 'GET' | 'POST',
    options: NetworkRequestOptions = {},
    timeout?: number,
  ) => {
    let response: Response;
    try {
      response = await fetch(url, {
        method,
        headers: options.headers,
        body: method === 'POST' ? (options.body ?? '') : undefined,
        signal: AbortSignal.timeout(Math.min(timeout ?? timeoutMs, timeoutMs)),
      });
    } catch (err) {
      const reason = (err as Error).name === 'TimeoutError' ? 'no answer in time' : (err as Error).message;
      throw new AuthError('network_error', `Network request failed: ${reason}`);
    }
    let body: T;
    try {
      body = (await response.json()) as T;
    } catch {
      throw new AuthError(
        'token_parsing_error',
        `Unreadable answer from the sign-in service (HTTP ${response.status})`,
      );
    }
    return { headers: Object.fromEntries(response.headers.entries()), body, status: response.status };
  };
  return {
    sendGetRequestAsync: (url, options, timeout) => send(url, 'GET', options, timeout),
    sendPostRequestAsync: (url, options) => send(url, 'POST', options),
  };
}
