#!/usr/bin/env node
import { readFileSync } from 'node:fs'

// `retort --version` answers before anything else is loaded (commander, core, dialects).
const version = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    version: string
  }
).version
const args = process.argv.slice(2)
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  // A reader that went away (`retort --version | true`) is no error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error
  })
  process.stdout.write(`${version}\n`)
} else {
  const [{ main }, { pipeStream }] = await Promise.all([
    import('./main.js'),
    import('./pipe-stream.js'),
  ])
  process.exitCode = await main(
    args,
    {
      stdout: pipeStream(process.stdout),
      stderr: pipeStream(process.stderr),
      env: process.env,
      cwd: process.cwd(),
    },
    version,
  )
  // One turn of the event loop first: a request that completed while the command kept the
  // thread busy (the close of the last module file read) gets its callback.
  setImmediate(exitWhenIdle)
}

/**
 * Ends the process now when the command left nothing running: no timer, child process,
 * socket or file request, only the terminals and pipes of the standard streams (flushed
 * first). Node would otherwise wait for the garbage collection V8 runs in the background
 * before exiting: about 10 ms after a command that read 10,000 revisions. When anything
 * else is active (or the runtime cannot tell), the process ends as usual, once all is done.
 */
function exitWhenIdle(): void {
  const active = (process as { getActiveResourcesInfo?: () => string[] }).getActiveResourcesInfo?.()
  if (active === undefined || !active.every((kind) => kind === 'TTYWrap' || kind === 'PipeWrap'))
    return
  const pending = [process.stdout, process.stderr].filter((stream) => stream.writableLength > 0)
  if (pending.length === 0) process.exit()
  let waiting = pending.length
  for (const stream of pending) stream.once('drain', () => --waiting === 0 && process.exit())
}
