/**
 * The one condition language of rules.json: an object whose keys are ANDed.
 *   fact            equality            {"spf": false}
 *   fact_in         membership          {"provider_in": ["Local", "Hosting"]}
 *   fact_gt/_gte/_lt/_lte  numeric      {"spf_lookup_count_gt": 10}
 *   min_score / max_score  inclusive bounds on score (kept from the reference rules)
 * A fact that is null or not yet known never satisfies any test, so an unknown signal (DNS timeout)
 * neither earns nor costs anything.
 */

export const FACT_TYPES = {
  provider: 'string',
  nxdomain: 'boolean',
  mx_missing: 'boolean',
  spf: 'boolean',
  spf_permerror: 'boolean',
  spf_error: 'string',
  dkim: 'boolean',
  dkim_revoked: 'boolean',
  dmarc: 'boolean',
  dmarc_error: 'string',
  dmarc_policy: 'string',
  dmarc_pct: 'number',
  spf_lookup_count: 'number',
  spf_include_count: 'number',
  spf_multiple_records: 'boolean',
  expires_in_days: 'number',
  score: 'number',
  technical_segment: 'string',
  technical_heat: 'string',
  commercial_segment: 'string',
  commercial_heat: 'string',
  priority_category: 'string',
  priority_score: 'number',
} as const;

export type Fact = keyof typeof FACT_TYPES;
export type FactValue = string | number | boolean | null;
export type Facts = Partial<Record<Fact, FactValue>>;

type Scalar = string | number | boolean;
export type Condition = Record<string, Scalar | Scalar[]>;

export type Operator = 'eq' | 'in' | 'gt' | 'gte' | 'lt' | 'lte';
export interface ConditionTest {
  fact: Fact;
  op: Operator;
}

const ALIASES: Record<string, ConditionTest> = {
  min_score: { fact: 'score', op: 'gte' },
  max_score: { fact: 'score', op: 'lte' },
};

function isFact(name: string): name is Fact {
  return Object.hasOwn(FACT_TYPES, name);
}

/** Reads a condition key; null when the key names no known fact (a config error). */
export function parseConditionKey(key: string): ConditionTest | null {
  if (Object.hasOwn(ALIASES, key)) return ALIASES[key];
  if (isFact(key)) return { fact: key, op: 'eq' };
  const m = /^(.+)_(in|gte|gt|lte|lt)$/.exec(key);
  if (m && isFact(m[1])) return { fact: m[1], op: m[2] as Operator };
  return null;
}

type Predicate = (facts: Facts) => boolean;

function predicateFor(key: string, expected: Scalar | Scalar[]): Predicate {
  const test = parseConditionKey(key);
  // Conditions are validated at load, so this only trips on hand-built rules in code.
  if (!test) throw new Error(`Unknown condition key "${key}"`);
  const { fact, op } = test;
  const known = (facts: Facts) => facts[fact] ?? null;
  switch (op) {
    case 'eq':
      return (facts) => known(facts) === expected;
    case 'in': {
      const set = new Set(expected as Scalar[]);
      return (facts) => {
        const actual = known(facts);
        return actual !== null && set.has(actual);
      };
    }
    case 'gt':
      return (facts) => ((known(facts) ?? NaN) as number) > (expected as number);
    case 'gte':
      return (facts) => ((known(facts) ?? NaN) as number) >= (expected as number);
    case 'lt':
      return (facts) => ((known(facts) ?? NaN) as number) < (expected as number);
    case 'lte':
      return (facts) => ((known(facts) ?? NaN) as number) <= (expected as number);
  }
}

// Every lead of a bulk scan runs every rule: each condition object is turned into closures once, keyed by identity
// (rules are loaded once and never mutated), instead of re-reading its keys per lead.
const compiled = new WeakMap<Condition, Predicate[]>();

export function matches(condition: Condition, facts: Facts): boolean {
  let predicates = compiled.get(condition);
  if (!predicates) {
    predicates = Object.entries(condition).map(([key, expected]) => predicateFor(key, expected));
    compiled.set(condition, predicates);
  }
  for (const predicate of predicates) if (!predicate(facts)) return false;
  return true;
}

/** First rule whose condition holds, in file order. */
export function firstMatch<R extends { condition: Condition }>(rules: readonly R[], facts: Facts): R | undefined {
  return rules.find((rule) => matches(rule.condition, facts));
}

export interface ConditionIssue {
  key: string;
  message: string;
}

/**
 * Why a condition is not valid where it is used: unknown key, a fact not yet computed at that step,
 * a value of the wrong type, or a value outside the fact's known vocabulary (typo guard).
 */
export function conditionIssues(
  condition: Record<string, unknown>,
  available: ReadonlySet<Fact>,
  vocabulary: Partial<Record<Fact, ReadonlySet<string>>>,
): ConditionIssue[] {
  const issues: ConditionIssue[] = [];
  for (const [key, value] of Object.entries(condition)) {
    const test = parseConditionKey(key);
    if (!test) {
      issues.push({
        key,
        message: `unknown condition key "${key}" (known facts: ${Object.keys(FACT_TYPES).join(', ')}; suffixes _in _gt _gte _lt _lte; min_score, max_score)`,
      });
      continue;
    }
    if (!available.has(test.fact)) {
      issues.push({
        key,
        message: `"${test.fact}" is not known yet at this step (available: ${[...available].join(', ')})`,
      });
      continue;
    }
    const type = FACT_TYPES[test.fact];
    const values = test.op === 'in' ? value : [value];
    if (!Array.isArray(values) || (test.op === 'in' && values.length === 0)) {
      issues.push({ key, message: `"${key}" needs a non-empty array` });
      continue;
    }
    if (test.op !== 'eq' && test.op !== 'in' && type !== 'number') {
      issues.push({ key, message: `"${test.fact}" is ${type}, numeric comparison is not allowed` });
      continue;
    }
    const vocab = vocabulary[test.fact];
    for (const v of values) {
      if (typeof v !== type) {
        issues.push({ key, message: `"${key}" expects ${type} values, got ${JSON.stringify(v)}` });
      } else if (vocab && typeof v === 'string' && !vocab.has(v)) {
        issues.push({ key, message: `"${v}" is not a known ${test.fact} (known: ${[...vocab].join(', ')})` });
      }
    }
  }
  return issues;
}
