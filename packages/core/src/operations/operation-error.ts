import { RetortError } from '../errors.js'

/** Where in the arguments of a builder call a problem is, e.g. `['columns', 1, 'length']`. */
export type ArgumentPath = readonly (string | number)[]

/** Options of {@link OperationError}. */
export interface OperationErrorOptions {
  /** The argument the problem is in, named by its YAML key (= the TypeScript option key). */
  readonly path?: ArgumentPath | undefined
  /** The problem is the key itself (an unknown option), not its value. */
  readonly atKey?: boolean | undefined
  readonly code?: string | undefined
}

/**
 * An operation was built with wrong arguments (an empty column list, an unknown type ...),
 * or `op.query()` was called where it cannot run. The `path` lets the YAML loader point at
 * the line of the offending key.
 *
 * @example
 * ```ts
 * try {
 *   op.createTable('account', [])
 * } catch (error) {
 *   if (error instanceof OperationError) console.error(error.message, error.path)
 * }
 * ```
 */
export class OperationError extends RetortError {
  readonly path: ArgumentPath
  readonly atKey: boolean

  constructor(message: string, options: OperationErrorOptions = {}) {
    super(options.code ?? 'invalid-operation', message)
    this.path = Object.freeze([...(options.path ?? [])])
    this.atKey = options.atKey ?? false
  }
}
