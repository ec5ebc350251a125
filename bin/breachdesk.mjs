#!/usr/bin/env node
// The command runs the TypeScript sources directly; tsx compiles them on load.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../src/cli/main.ts');
await runCli(process.argv);
