#!/usr/bin/env node
// The entry of `vmtopo`: `pnpm vmtopo` runs it with tsx; `pnpm pack:cli` bundles it, with
// everything it imports, into the one file the installed npm package runs on Node alone.
import { runProcess } from './main.ts';

await runProcess();
