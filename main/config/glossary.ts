import { GlossarySchema, type Glossary } from '../../shared/glossary';
import { resourcesDir } from './load';
import { loadResource } from './resource-loader';

/** resources/glossary.json: the rep's vocabulary, the segment names and the words Turkish text must not use. */
export function loadGlossary(dir: string = resourcesDir()): Glossary {
  return loadResource(dir, 'glossary.json', GlossarySchema);
}
