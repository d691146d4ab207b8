#!/usr/bin/env node
// The published entry point: everything lives in the compiled dist/.
import '../dist/cli/main.js';
