import { ZodError } from 'zod';
import type { z } from 'zod';
import { contract } from '../../shared/ipc/contract';
import type { Channel, ChannelOutput, Contract, IpcError, IpcResult } from '../../shared/ipc/contract';
import { AppError } from '../core/app-error';
import { lengthIssue, payloadIssue } from './input-guard';

export type Handler<C extends Channel> = (
  input: z.output<Contract[C]['input']>,
) => Promise<ChannelOutput<C>> | ChannelOutput<C>;

/** One handler per contract channel, receiving the already-validated input. */
export type Handlers = { [C in Channel]: Handler<C> };

/** A feature's share of the handlers: exactly the channels its contract file declares. */
export type HandlersFor<Channels> = { [C in keyof Channels & Channel]: Handler<C> };

function isChannel(name: string): name is Channel {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

/** enough to show every field of a form; a payload with thousands of bad values is answered with its first ones */
export const MAX_ISSUES = 20;

function zodIssues(err: ZodError): { path: string; message: string }[] {
  return err.issues.slice(0, MAX_ISSUES).map((i) => ({ path: i.path.join('.'), message: i.message }));
}

function toIpcError(err: unknown, onInternal: (err: unknown) => void): IpcError {
  if (err instanceof AppError) return { code: err.code, message: err.message, details: err.details };
  if (err instanceof ZodError) return { code: 'validation', message: 'Invalid value', details: zodIssues(err) };
  onInternal(err);
  // never a stack trace across the boundary: the log has it
  return { code: 'internal', message: 'Something went wrong; the details are in the log' };
}

/**
 * The single entry point both transports (Electron IPC and the loopback web bridge) call: unknown channels and
 * inputs that fail the channel's schema are refused before any handler runs.
 */
export async function dispatch(
  handlers: Handlers,
  channel: string,
  input: unknown,
  onInternal: (err: unknown) => void = () => {},
): Promise<IpcResult<unknown>> {
  if (!isChannel(channel)) {
    return { ok: false, error: { code: 'unknown_channel', message: `Unknown channel "${channel}"` } };
  }
  const schema: z.ZodTypeAny = contract[channel].input;
  const guarded = payloadIssue(input) ?? lengthIssue(schema, input ?? {});
  if (guarded) {
    return { ok: false, error: { code: 'validation', message: `Invalid input for ${channel}`, details: [guarded] } };
  }
  const parsed = schema.safeParse(input ?? {});
  if (!parsed.success) {
    return {
      ok: false,
      error: { code: 'validation', message: `Invalid input for ${channel}`, details: zodIssues(parsed.error) },
    };
  }
  try {
    const handler = handlers[channel] as (input: unknown) => unknown;
    return { ok: true, data: await handler(parsed.data) };
  } catch (err) {
    return { ok: false, error: toIpcError(err, onInternal) };
  }
}
