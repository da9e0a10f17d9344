import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { z } from 'zod';

/** "$.providers[2].name": where in the file a problem is, as a JSON path. */
function jsonPath(path: PropertyKey[]): string {
  return path.reduce<string>(
    (out, part) =>
      typeof part === 'number'
        ? `${out}[${part}]`
        : /^[A-Za-z_$][\w$]*$/.test(String(part))
          ? `${out}.${String(part)}`
          : `${out}[${JSON.stringify(String(part))}]`,
    '$',
  );
}

const cache = new Map<string, { schema: z.ZodTypeAny; value: unknown }>();

/**
 * The one way configuration data (resources/*.json) is read: parsed, validated against its schema with every
 * problem reported as "<file> <json path>: <message>", and cached per file and schema, so each file is read once
 * per process however many services use it.
 */
export function loadResource<S extends z.ZodTypeAny>(dir: string, file: string, schema: S): z.output<S> {
  const path = resolve(dir, file);
  const hit = cache.get(path);
  if (hit && hit.schema === schema) return hit.value as z.output<S>;
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new Error(`Config ${path}: ${(err as Error).message}`, { cause: err });
  }
  const result = schema.safeParse(data);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${file} ${jsonPath(i.path)}: ${i.message}`);
    throw new Error(`Config ${path} is invalid:\n${lines.join('\n')}`);
  }
  cache.set(path, { schema, value: result.data });
  return result.data;
}
