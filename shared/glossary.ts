// The rep's vocabulary (resources/glossary.json): main fills the sales templates' {term.*} placeholders from it, the
// renderer nests it into its strings as `glossary`, and the vocabulary test checks every Turkish string against it.
import { z } from 'zod';
import { LANGUAGES, type Lang } from './lang';
import { SEGMENTS } from './domain';

const word = z.string().trim().min(1).max(60);
const inEachLanguage = Object.fromEntries(LANGUAGES.map((l) => [l, word])) as Record<Lang, typeof word>;

const termSchema = z.object({ ...inEachLanguage, avoid_tr: z.array(word).max(20) }).strict();

export const GlossarySchema = z
  .object({
    $comment: z.string().optional(),
    terms: z.record(z.string().regex(/^[a-z_]+$/), termSchema),
    segments: z
      .object(
        Object.fromEntries(SEGMENTS.map((s) => [s, z.object(inEachLanguage).strict()])) as Record<
          (typeof SEGMENTS)[number],
          z.ZodObject<Record<Lang, typeof word>>
        >,
      )
      .strict(),
    english_words: z
      .array(word.regex(/^[a-z]+$/, 'must be one lower-case word'))
      .min(1)
      .max(500),
    allowed_names: z.array(word).max(200),
  })
  .strict();

export type Glossary = z.output<typeof GlossarySchema>;

/** One language's terms as a nested object: { terms: { lead: 'aday' }, segments: { Migration: 'Geçiş' } }. */
export function glossaryStrings(glossary: Glossary, lang: Lang): Record<string, Record<string, string>> {
  const pick = (entries: Record<string, Record<Lang, string>>) =>
    Object.fromEntries(Object.entries(entries).map(([key, value]) => [key, value[lang]]));
  return { terms: pick(glossary.terms), segments: pick(glossary.segments) };
}
