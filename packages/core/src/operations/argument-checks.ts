import { didYouMean } from './nearest-name.js'
import { OperationError, type ArgumentPath } from './operation-error.js'

/**
 * What is being built, for error messages (`createTable('account')`), and where its
 * arguments sit in a larger document (`['columns', 1]` for a column of a table).
 *
 * @example
 * ```ts
 * const at: Subject = { label: "createTable('account')", base: [] }
 * ```
 */
export interface Subject {
  readonly label: string
  readonly base: ArgumentPath
}

/** A {@link Subject} for a nested object: `column 'email'` under `['columns', 1]`. */
export function nested(parent: Subject, label: string, path: ArgumentPath): Subject {
  return { label: `${parent.label}: ${label}`, base: [...parent.base, ...path] }
}

/**
 * Small argument checks shared by the operation builders. Each throws an
 * {@link OperationError} whose message starts with the call being built
 * (`createTable('account')`) and whose `path` names the argument, so the YAML loader can
 * point at the line.
 *
 * @example
 * ```ts
 * const name = checkName({ label: "createTable('account')", base: [] }, 'account', ['name'])
 * ```
 */
export function checkName(subject: Subject, value: unknown, path: ArgumentPath): string {
  if (typeof value !== 'string' || value.length === 0) {
    fail(subject, path, `must be a non-empty string (got ${show(value)})`)
  }
  if (value.includes('\0')) fail(subject, path, `must not contain a NUL character`)
  return value
}

/** An optional name: `undefined` or a non-empty string. */
export function checkOptionalName(
  subject: Subject,
  value: unknown,
  path: ArgumentPath,
): string | undefined {
  return value === undefined ? undefined : checkName(subject, value, path)
}

/** An optional boolean. */
export function checkBoolean(
  subject: Subject,
  value: unknown,
  path: ArgumentPath,
): boolean | undefined {
  if (value === undefined) return undefined
  if (typeof value !== 'boolean') fail(subject, path, `must be true or false (got ${show(value)})`)
  return value
}

/** An optional string (may be empty only when `allowEmpty`). */
export function checkString(
  subject: Subject,
  value: unknown,
  path: ArgumentPath,
  allowEmpty = false,
): string | undefined {
  if (value === undefined) return undefined
  if (typeof value !== 'string' || (!allowEmpty && value.trim().length === 0)) {
    fail(subject, path, `must be a non-empty string (got ${show(value)})`)
  }
  return value
}

/** An optional positive integer (`allowZero` for scales). */
export function checkCount(
  subject: Subject,
  value: unknown,
  path: ArgumentPath,
  allowZero = false,
): number | undefined {
  if (value === undefined) return undefined
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < (allowZero ? 0 : 1)) {
    fail(
      subject,
      path,
      `must be a ${allowZero ? 'non-negative' : 'positive'} integer (got ${show(value)})`,
    )
  }
  return value
}

/** A non-empty list of distinct names. */
export function checkNameList(
  subject: Subject,
  value: unknown,
  path: ArgumentPath,
): readonly string[] {
  if (!Array.isArray(value) || value.length === 0) {
    fail(subject, path, `must be a non-empty list of names (got ${show(value)})`)
  }
  const names = value.map((item, index) => checkName(subject, item, [...path, index]))
  const duplicate = names.find((name, index) => names.indexOf(name) !== index)
  if (duplicate !== undefined) fail(subject, path, `names '${duplicate}' twice`)
  return Object.freeze(names)
}

/**
 * An optional options object: `undefined` or a plain object whose keys are all in
 * `allowed`. Returns it (or `{}`).
 */
export function checkOptions(
  subject: Subject,
  value: unknown,
  path: ArgumentPath,
  allowed: readonly string[],
): Readonly<Record<string, unknown>> {
  if (value === undefined || value === null) return {}
  if (!isPlainObject(value)) {
    fail(subject, path, `must be an object (got ${show(value)})`)
  }
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) {
      fail(
        subject,
        [...path, key],
        `unknown option '${key}'${didYouMean(key, allowed)}; expected one of ${allowed.join(', ')}`,
        true,
      )
    }
  }
  return value
}

/** Whether `value` is an object literal (not an array, Date, Buffer ...). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false
  const prototype: unknown = Object.getPrototypeOf(value)
  return prototype === Object.prototype || prototype === null
}

/** Throws the {@link OperationError} for `subject` at `path`. */
export function fail(subject: Subject, path: ArgumentPath, detail: string, atKey = false): never {
  const where = path.length === 0 || atKey ? '' : `${describePath(path)} `
  throw new OperationError(`${subject.label}: ${where}${detail}`, {
    path: [...subject.base, ...path],
    atKey,
  })
}

/** `['columns', 1, 'length']` -> `columns[1].length`. */
export function describePath(path: ArgumentPath): string {
  return path
    .map((segment, index) =>
      typeof segment === 'number' ? `[${segment}]` : index === 0 ? segment : `.${segment}`,
    )
    .join('')
}

/** A short, one-line rendering of a value for error messages. */
export function show(value: unknown): string {
  if (value === undefined) return 'nothing'
  if (typeof value === 'string')
    return `'${value.length > 40 ? `${value.slice(0, 37)}...` : value}'`
  if (typeof value === 'bigint') return `${value}n`
  if (Array.isArray(value)) return 'a list'
  if (value instanceof Date) return 'a Date'
  if (typeof value === 'object' && value !== null) return 'an object'
  if (typeof value === 'function') return 'a function'
  return String(value)
}

/** Freezes a plain record after dropping `undefined` values, so frozen data has no holes. */
export function compact<T extends object>(record: T): T {
  // A copy rather than `delete`: deleting keys turns an object into a slow dictionary, and
  // operations are built by the thousand in a long upgrade.
  const out: Record<string, unknown> = {}
  for (const key in record) {
    const value = record[key]
    if (value !== undefined) out[key] = value
  }
  return Object.freeze(out) as T
}
