import { z } from 'zod';

/** The languages Hunter speaks: the UI, the sales summary, exports. */
export const LANGUAGES = ['tr', 'en'] as const;
export const LangSchema = z.enum(LANGUAGES);
export type Lang = (typeof LANGUAGES)[number];
