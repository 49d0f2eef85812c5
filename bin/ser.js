#!/usr/bin/env node
// The `ser` command: runs the TypeScript CLI through tsx, resolving @ser/* with the repository's tsconfig
// so it works from any working directory.
import { register } from 'tsx/esm/api';
import { fileURLToPath } from 'node:url';

register({ tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)) });
await import('../services/cli/src/main.ts');
