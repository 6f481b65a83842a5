#!/usr/bin/env node
import { readFileSync } from 'node:fs'

// `retort --version` answers before anything else is loaded (commander, core, dialects).
const version = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version
const args = process.argv.slice(2)
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  process.stdout.write(`${version}\n`)
} else {
  const { main } = await import('./main.js')
  process.exitCode = await main(args, { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() }, version)
}
