// The vocabulary check shared by the unit test (every Turkish string in the data) and the e2e test (the page text).
import type { Glossary } from '../../shared/glossary';

/** Turkish-aware lower case, with dotless ı folded to i so "IMPORT" (→ "ımport") still reads as "import" */
const fold = (text: string) => text.toLocaleLowerCase('tr').replace(/ı/g, 'i');

/** the words a reader sees as words: placeholders, URLs, record syntax, file and domain names are not */
function words(text: string, allowedNames: readonly string[]): string {
  // folded first: a heading in capitals ("PARTNER CENTER EŞİTLEMESİ") still names Partner Center
  let visible = fold(text);
  for (const name of allowedNames) visible = visible.split(fold(name)).join(' ');
  visible = visible.replace(/\{\{[^}]*\}\}|\{[\w.]+\}|https?:\/\/\S+|\S*[_=<>]\S*|\S+\.\S+/g, ' ');
  return ` ${visible
    .split(/[^\p{L}]+/u)
    .filter(Boolean)
    .join(' ')}`;
}

/**
 * The English UI words and avoided Turkish terms a Turkish text contains. A word matches at the start of a word,
 * so Turkish suffixes do not hide it ("lead'ler", "skoru", "göçe").
 */
export function englishInTurkish(text: string, glossary: Glossary): string[] {
  const seen = words(text, glossary.allowed_names);
  const avoided = Object.values(glossary.terms).flatMap((term) => term.avoid_tr);
  const found = [...glossary.english_words, ...avoided].filter((word) => seen.includes(` ${words(word, []).trim()}`));
  return [...new Set(found)];
}
