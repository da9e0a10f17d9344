/** What a network attempt yields: the raw answer, or a short machine-readable reason it failed. */
export type Fetched = { ok: true; body: string } | { ok: false; reason: string };

/** Cap on what we read from either protocol; real answers are a few KB, anything bigger is abuse or a bug. */
export const MAX_ANSWER_BYTES = 1024 * 1024;

const REASON_BY_CODE: Record<string, string> = {
  ETIMEDOUT: 'timeout',
  ECONNREFUSED: 'connection_refused',
  ECONNRESET: 'connection_reset',
  EPIPE: 'connection_reset',
  ENOTFOUND: 'server_not_found',
  EAI_AGAIN: 'server_not_found',
  EHOSTUNREACH: 'host_unreachable',
  ENETUNREACH: 'host_unreachable',
};

/** Maps Node / got error codes to reasons; unexpected ones keep their code so logs stay useful. */
export function reasonForError(error: unknown): string {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  if (typeof code !== 'string') return 'network_error';
  return REASON_BY_CODE[code] ?? `network_error_${code.toLowerCase()}`;
}
