import { RetortError } from '../errors.js'

/**
 * An operation cannot be reversed with what it knows (a `dropTable` without its definition,
 * an `execute` without `reverse` SQL, a `bulkInsert`). The message says what to pass.
 *
 * @example
 * ```ts
 * try {
 *   reverseOperation(op.dropTable('account'))
 * } catch (error) {
 *   if (error instanceof IrreversibleOperationError) console.error(error.operationKind)
 * }
 * ```
 */
export class IrreversibleOperationError extends RetortError {
  constructor(
    /** The `kind` of the operation that cannot be reversed. */
    readonly operationKind: string,
    message: string,
    /** Its position in the list being reversed, when a list was. */
    readonly index?: number,
  ) {
    super('irreversible-operation', message)
  }
}
