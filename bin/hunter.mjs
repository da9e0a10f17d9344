#!/usr/bin/env node
// The CLI runs straight from the TypeScript sources through tsx, so `npx hunter` works right after `npm install`
// with no build step.
import { register } from 'tsx/esm/api';

register();
await import('../main/cli/main.ts');
