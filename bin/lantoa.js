#!/usr/bin/env node
// The CLI and server run from TypeScript sources through tsx: no separate compile step to forget.
import { register } from 'tsx/esm/api';

register();
await import('../server/cli.ts');
