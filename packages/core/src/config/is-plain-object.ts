/**
 * A plain object, as YAML and object literals give: not an array, `URL` or class instance.
 *
 * @example
 * ```ts
 * isPlainObject({ url: 'sqlite::memory:' }) // true
 * isPlainObject(new URL('file:///app')) // false
 * ```
 */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false
  const prototype: unknown = Object.getPrototypeOf(value)
  return prototype === Object.prototype || prototype === null
}
