#!/usr/bin/env node
// The published entry point: everything lives in the bundled dist/.
require('../dist/cli.cjs');
