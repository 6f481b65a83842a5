import type { TextStream } from './cli-context.js'

/** The parts of `process.stdout` / `process.stderr` that {@link pipeStream} uses. */
export interface ProcessStream {
  write(text: string): boolean
  on(event: 'error', listener: (error: NodeJS.ErrnoException) => void): unknown
  readonly isTTY?: boolean
  readonly columns?: number
}

/**
 * A standard stream whose reader may go away: once the other end of the pipe is closed
 * (`retort history | head -1`), further output is dropped and the command ends as usual,
 * instead of dying on an unhandled `EPIPE` with a stack trace. Other stream errors still
 * surface.
 *
 * @example
 * ```ts
 * const io = { stdout: pipeStream(process.stdout), stderr: pipeStream(process.stderr), env: process.env, cwd: process.cwd() }
 * ```
 */
export function pipeStream(stream: ProcessStream): TextStream {
  let closed = false
  stream.on('error', (error) => {
    if (error.code !== 'EPIPE') throw error
    closed = true
  })
  return {
    write: (text: string) => (closed ? false : stream.write(text)),
    get isTTY() {
      return stream.isTTY
    },
    get columns() {
      return stream.columns
    },
  }
}
