import { printableText, type MigrationEvent } from '@retort/core/cli'
import type { CliContext } from '../cli-context.js'
import { fitLine, fitWidth, visibleWidth, type StyledPiece } from './visible-width.js'

/** A live progress line for a run; `finish()` clears it. */
export interface Progress {
  readonly onEvent: ((event: MigrationEvent) => void) | undefined
  finish(): void
}

/**
 * Progress of an upgrade or downgrade on a terminal: one transient line on stderr,
 * `[2/5] ↑ ae10f3c2b1d4 create account  1.4s`, redrawn while a step runs and cleared at the
 * end (the summary goes to stdout). Nothing when stderr is not a terminal or with `--json`.
 * The line fits the terminal's width as seen (wide characters take two columns; the message
 * is cut first) and ends with every style reset.
 *
 * @example
 * ```ts
 * const progress = createProgress(ctx)
 * try { await upgrade(config, target, { ...options, onEvent: progress.onEvent }) } finally { progress.finish() }
 * ```
 */
export function createProgress(ctx: CliContext): Progress {
  if (!ctx.interactive) return { onEvent: undefined, finish() {} }
  const c = ctx.errColors
  const stream = ctx.io.stderr
  const runStart = performance.now()
  let timer: NodeJS.Timeout | undefined
  let line = (_width: number): string => ''
  // One column short of the edge: a character in the last column makes some terminals wrap.
  const draw = () => stream.write(`\r\x1b[2K${line(Math.max((stream.columns ?? 80) - 1, 0))}`)
  let active = false
  ctx.interceptLog((text) => {
    if (active) stream.write('\r\x1b[2K')
    stream.write(text)
    if (active) draw()
  })
  const stop = () => {
    if (timer !== undefined) clearInterval(timer)
    timer = undefined
  }
  return {
    onEvent(event) {
      if (event.type !== 'step-start') return
      stop()
      const started = performance.now()
      const arrow = event.direction === 'up' ? '↑' : '↓'
      const message = printableText(event.message)
      line = (width) => {
        const head: StyledPiece[] = [
          [`[${event.index + 1}/${event.total}]`, c.dim],
          [` ${arrow} `],
          [printableText(event.revision), c.yellow],
        ]
        const time = `${seconds(performance.now() - started)} (total ${seconds(performance.now() - runStart)})`
        // The message gives way first, so the counter and the clock stay in sight.
        const room = width - visibleWidth(head.map(([text]) => text).join('')) - 3 - time.length
        return fitLine(
          [...head, [` ${fitWidth(message, room, { ellipsis: true })}  `], [time, c.dim]],
          width,
        )
      }
      active = true
      draw()
      timer = setInterval(draw, 100)
      timer.unref()
    },
    finish() {
      stop()
      ctx.interceptLog(undefined)
      if (active) stream.write('\r\x1b[2K')
      active = false
    },
  }
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)}s`
}
