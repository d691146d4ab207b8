#!/usr/bin/env node
// The published entry point: everything lives in the bundled dist/.
import '../dist/cli.js';
