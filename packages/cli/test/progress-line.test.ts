import { describe, expect, it } from 'vitest'
import { CliContext } from '../src/cli-context.js'
import { createProgress } from '../src/render/progress.js'

const SGR = /\x1b\[([0-9;]*)m/g
const ERASE = /\r\x1b\[2K/g

/** Columns as a terminal shows them: CJK ideographs take two, everything here else one. */
function columns(text: string): number {
  let width = 0
  for (const char of text) width += /[\u4e00-\u9fff]/.test(char) ? 2 : 1
  return width
}

/** The styles still switched on after a sequence of SGR codes (empty: all reset). */
function openStyles(line: string): string[] {
  const open = new Set<string>()
  for (const [, params] of line.matchAll(SGR)) {
    for (const code of (params || '0').split(';')) {
      if (code === '0') open.clear()
      else if (code === '22') (open.delete('bold'), open.delete('dim'))
      else if (code === '39') open.delete('fg')
      else if (code === '1') open.add('bold')
      else if (code === '2') open.add('dim')
      else if (/^3[0-7]$/.test(code)) open.add('fg')
    }
  }
  return [...open]
}

/** Draws the progress line of one step on a colour terminal `width` columns wide. */
function drawLine(width: number, message: string): string {
  const writes: string[] = []
  const stderr = { isTTY: true, columns: width, write: (text: string) => writes.push(text) }
  const ctx = new CliContext(
    {},
    { stdout: { write: () => true }, stderr, env: { FORCE_COLOR: '1' }, cwd: '/' },
  )
  const progress = createProgress(ctx)
  progress.onEvent?.({
    type: 'step-start',
    revision: 'ae10f3c2b1d4',
    message,
    direction: 'up',
    index: 0,
    total: 3,
  })
  progress.finish()
  const drawn = writes.filter((text) => text.replace(ERASE, '') !== '')
  expect(drawn).toHaveLength(1)
  return drawn[0]!.replace(ERASE, '')
}

describe('the progress line', () => {
  it.each([
    [30, 'create the account table with every column it needs'],
    [60, '表'.repeat(40)],
    [45, `mixed 表格 text ${'表'.repeat(20)}`],
    [12, 'tiny terminal'],
  ])('fills %i columns by what is seen, never more, and leaves no style on', (width, message) => {
    const line = drawLine(width, message)
    const seen = line.replace(SGR, '')
    // One column is left free: a character in the last one makes some terminals wrap.
    expect(columns(seen)).toBeLessThanOrEqual(width - 1)
    // Cut by visible width, not by the length of the escape codes: the line is full (a
    // wide character that does not fit may leave one column).
    expect(columns(seen)).toBeGreaterThanOrEqual(width - 2)
    expect(seen).not.toContain('\x1b')
    expect(openStyles(line)).toEqual([])
  })

  it('keeps the counter and the clock in sight and cuts the message, marked', () => {
    const seen = drawLine(60, '表'.repeat(40)).replace(SGR, '')
    expect(seen).toMatch(/^\[1\/3\] ↑ ae10f3c2b1d4 表+…  \d+\.\ds \(total \d+\.\ds\)$/)
  })

  it('shows control characters in a message instead of sending them to the terminal', () => {
    const line = drawLine(80, 'evil \x1b[2J\x07 message')
    expect(line.replace(SGR, '')).toContain('evil \\x1b[2J\\x07 message')
    expect(line.replace(SGR, '')).not.toMatch(/[\x00-\x1f]/)
  })
})
