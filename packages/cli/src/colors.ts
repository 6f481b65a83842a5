import { createRequire } from 'node:module'
import type * as Picocolors from 'picocolors'

/**
 * picocolors, loaded as the CommonJS module it is: importing it as ESM makes Node load its
 * CommonJS export scanner and scan the source for named exports at every start-up.
 */
const picocolors = createRequire(import.meta.url)('picocolors') as typeof Picocolors

/** The few styles the CLI uses; identity functions when colour is off. */
export type Colors = Pick<
  ReturnType<typeof picocolors.createColors>,
  'bold' | 'dim' | 'red' | 'green' | 'yellow' | 'cyan' | 'magenta'
>

/**
 * Whether to colour a stream: never with `NO_COLOR` (any non-empty value) or `--json`;
 * always with `FORCE_COLOR` (non-empty, not `0`); else when the stream is a terminal.
 *
 * @example
 * ```ts
 * const colors = createColorsFor(useColor(process.stdout, process.env, false))
 * ```
 */
export function useColor(
  stream: { isTTY?: boolean },
  env: NodeJS.ProcessEnv,
  json: boolean,
): boolean {
  if (json || (env['NO_COLOR'] ?? '') !== '') return false
  const force = env['FORCE_COLOR'] ?? ''
  if (force !== '' && force !== '0') return true
  return stream.isTTY === true
}

/** The styles, coloured or not. */
export function createColorsFor(enabled: boolean): Colors {
  return picocolors.createColors(enabled)
}
