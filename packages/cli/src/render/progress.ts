import type { MigrationEvent } from '@retort/core'
import { printableText } from '@retort/core/env/printable-text'
import type { CliContext } from '../cli-context.js'

/** A live progress line for a run; `finish()` clears it. */
export interface Progress {
  readonly onEvent: ((event: MigrationEvent) => void) | undefined
  finish(): void
}

/**
 * Progress of an upgrade or downgrade on a terminal: one transient line on stderr,
 * `[2/5] ↑ ae10f3c2b1d4 create account  1.4s`, redrawn while a step runs and cleared at the
 * end (the summary goes to stdout). Nothing when stderr is not a terminal or with `--json`.
 *
 * @example
 * ```ts
 * const progress = createProgress(ctx, messages)
 * try { await upgrade(config, target, { ...options, onEvent: progress.onEvent }) } finally { progress.finish() }
 * ```
 */
export function createProgress(ctx: CliContext, messages: ReadonlyMap<string, string>): Progress {
  if (!ctx.interactive) return { onEvent: undefined, finish() {} }
  const c = ctx.errColors
  const stream = ctx.io.stderr
  const runStart = performance.now()
  let timer: NodeJS.Timeout | undefined
  let line = (): string => ''
  const draw = () => {
    const width = stream.columns ?? 80
    const text = line()
    stream.write(`\r\x1b[2K${text.length > width - 1 ? text.slice(0, width - 1) : text}`)
  }
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
      line = () =>
        `${c.dim(`[${event.index + 1}/${event.total}]`)} ${arrow} ${c.yellow(printableText(event.revision))} ${printableText(messages.get(event.revision) ?? '')}  ${c.dim(`${seconds(performance.now() - started)} (total ${seconds(performance.now() - runStart)})`)}`
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
