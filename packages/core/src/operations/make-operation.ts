import type { Operation, OperationData } from './operation.js'
import { reverseOperation } from './reverse-operation.js'

/**
 * Turns operation data into an {@link Operation}: a frozen plain object with a
 * non-enumerable `reverse()` that calls {@link reverseOperation}. The builders freeze the
 * nested lists they create; values supplied by the caller (bound parameters, row values)
 * are kept as given, never frozen in place.
 *
 * @example
 * ```ts
 * const rename = makeOperation<RenameTableOperation>({ kind: 'renameTable', from: 'a', to: 'b' })
 * rename.reverse() // { kind: 'renameTable', from: 'b', to: 'a' }
 * ```
 */
export function makeOperation<T extends Operation>(data: OperationData<T>): T {
  // Copied without the `undefined` values rather than deleting them: `delete` turns the
  // object into a slow dictionary.
  const operation: Record<string, unknown> = {}
  for (const key in data) {
    const value = (data as Record<string, unknown>)[key]
    if (value !== undefined) operation[key] = value
  }
  Object.defineProperty(operation, 'reverse', {
    // Closes over the object, so `const { reverse } = operation` still works.
    value: (): Operation => reverseOperation(operation as unknown as Operation),
    enumerable: false,
    writable: false,
    configurable: false,
  })
  return Object.freeze(operation) as unknown as T
}
