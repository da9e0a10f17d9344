// The strings i18next serves: each language's file plus the rep's glossary as `glossary`, so a string names a
// glossary term with $t(glossary.segments.Migration) and the word is defined once for the UI and the sales summary.
import glossaryFile from '../../resources/glossary.json';
import { GlossarySchema, glossaryStrings } from '../../shared/glossary';
import type { Lang } from '../../shared/lang';
import en from './en.json';
import tr from './tr.json';

const glossary = GlossarySchema.parse(glossaryFile);

export const I18N_RESOURCES: Record<Lang, { translation: object }> = {
  tr: { translation: { ...tr, glossary: glossaryStrings(glossary, 'tr') } },
  en: { translation: { ...en, glossary: glossaryStrings(glossary, 'en') } },
};
