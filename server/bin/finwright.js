#!/usr/bin/env node
// The finwright CLI. Compiled code lives in dist/ (npm install builds it through the root "prepare" script).
import { main } from "../dist/cli/main.js";

process.exitCode = await main(process.argv.slice(2));
