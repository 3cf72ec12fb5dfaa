#!/usr/bin/env node
// Prints what this runtime supports (lib/capabilities.mjs), measuring it unless the workspace
// already holds the record. Run in the workspace root:  node .portside/capabilities.mjs [--fresh]
// The harness does the same before its first check; this is for people (and the real-WebContainer
// end-to-end test), who want to see the record.
import { describeCapabilities, loadCapabilities } from './lib/capabilities.mjs';

const record = await loadCapabilities({ cwd: process.cwd(), fresh: process.argv.includes('--fresh') });
process.stdout.write(`${describeCapabilities(record)}\n${JSON.stringify(record)}\n`);
