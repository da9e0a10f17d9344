import got from 'got';
import { MAX_ANSWER_BYTES, reasonForError, type Fetched } from './transport';

/**
 * One RDAP GET. No retries: the scan pipeline decides what to do with an unknown, and a retry here would
 * double the worst-case time per domain. Redirects are followed because bootstrap registries (rdap.org)
 * answer with 302 to the authoritative server.
 */
export async function fetchRdap(url: string, timeoutMs: number): Promise<Fetched> {
  const request = got(url, {
    timeout: { request: timeoutMs },
    retry: { limit: 0 },
    throwHttpErrors: false,
    followRedirect: true,
    maxRedirects: 3,
    headers: { accept: 'application/rdap+json, application/json;q=0.9' },
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
    return { ok: false, reason: tooLarge ? 'answer_too_large' : reasonForError(error) };
  }
}
