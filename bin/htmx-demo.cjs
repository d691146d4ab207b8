#!/usr/bin/env node
// The published entry point: everything lives in the bundled dist/ (boot.cjs runs cli.cjs, with a code cache).
require('../dist/boot.cjs');
