// Cheap checks that run before a channel's schema: zod validates every element of an array and reports every
// failing one, so a huge invalid array costs seconds and gigabytes before its length is even looked at. These
// walks stop at the first limit crossed, in time proportional to what they accepted.
import { z } from 'zod';

export interface GuardIssue {
  path: string;
  message: string;
}

/** Everything one call may carry, whatever its schema: characters of text and values in all. */
export const PAYLOAD_LIMITS = { chars: 80 * 1024 * 1024, values: 1_000_000, depth: 32 } as const;

/** A payload over PAYLOAD_LIMITS (for schema positions without their own caps, and unknown keys), or null. */
export function payloadIssue(input: unknown): GuardIssue | null {
  let chars = 0;
  let values = 0;
  const stack: { value: unknown; depth: number }[] = [{ value: input, depth: 0 }];
  while (stack.length > 0) {
    const { value, depth } = stack.pop()!;
    if (++values > PAYLOAD_LIMITS.values) return { path: '', message: 'The request holds too many values' };
    if (depth > PAYLOAD_LIMITS.depth) return { path: '', message: 'The request is nested too deeply' };
    if (typeof value === 'string') {
      chars += value.length;
      if (chars > PAYLOAD_LIMITS.chars) return { path: '', message: 'The request is too large' };
    } else if (Array.isArray(value)) {
      for (const item of value) stack.push({ value: item, depth: depth + 1 });
    } else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        chars += key.length;
        stack.push({ value: item, depth: depth + 1 });
      }
    }
  }
  return null;
}

function unwrap(schema: z.ZodTypeAny): z.ZodTypeAny {
  for (;;) {
    if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable) schema = schema.unwrap();
    else if (schema instanceof z.ZodDefault) schema = schema._def.innerType;
    else if (schema instanceof z.ZodEffects) schema = schema.innerType();
    else if (schema instanceof z.ZodBranded) schema = schema.unwrap();
    else if (schema instanceof z.ZodCatch) schema = schema._def.innerType;
    else if (schema instanceof z.ZodPipeline) schema = schema._def.in;
    else if (schema instanceof z.ZodReadonly) schema = schema._def.innerType;
    else return schema;
  }
}

function stringMax(schema: z.ZodString): number | null {
  const max = schema._def.checks.find((c) => c.kind === 'max');
  return max && max.kind === 'max' ? max.value : null;
}

/**
 * The first array or string in `input` longer than its schema allows, found without looking at any element of an
 * over-long array; null when every length is within its cap (the schema then judges the values).
 */
export function lengthIssue(schema: z.ZodTypeAny, input: unknown, path: (string | number)[] = []): GuardIssue | null {
  const s = unwrap(schema);
  const at = () => path.join('.');
  if (s instanceof z.ZodString && typeof input === 'string') {
    const max = stringMax(s);
    if (max !== null && input.length > max) return { path: at(), message: `At most ${max} characters` };
  } else if (s instanceof z.ZodArray && Array.isArray(input)) {
    const max = (s._def as { maxLength: { value: number } | null }).maxLength?.value ?? null;
    if (max !== null && input.length > max) return { path: at(), message: `At most ${max} items` };
    for (let i = 0; i < input.length; i++) {
      const issue = lengthIssue(s.element, input[i], [...path, i]);
      if (issue) return issue;
    }
  } else if (s instanceof z.ZodObject && input !== null && typeof input === 'object' && !Array.isArray(input)) {
    const shape = s.shape as Record<string, z.ZodTypeAny>;
    for (const key of Object.keys(shape)) {
      if (!Object.prototype.hasOwnProperty.call(input, key)) continue;
      const issue = lengthIssue(shape[key], (input as Record<string, unknown>)[key], [...path, key]);
      if (issue) return issue;
    }
  }
  return null;
}
