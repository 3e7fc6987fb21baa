#!/usr/bin/env node
// The `mlo-feed` command of mlo-widgets: build, validate and preview JSON Feeds (docs/publishing.md).
// The code is the compiled library (dist/lib/publish/), so `npm run build` comes first in a clone.
import { main } from '../dist/lib/publish/cli.js';

process.exitCode = await main(process.argv.slice(2));
