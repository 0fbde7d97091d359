#!/usr/bin/env node
// The `lpse` command: runs the TypeScript entry through tsx, so the package needs no build step.
import { register } from 'tsx/esm/api';

register();
await import(new URL('../src/main.ts', import.meta.url).href);
