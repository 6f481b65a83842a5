/**
 * A server as `SELECT VERSION()` names it: MySQL or MariaDB, and its version numbers.
 *
 * @example
 * ```ts
 * const server: MysqlServerVersion = { flavor: 'mariadb', version: [10, 11, 19], text: '10.11.19-MariaDB' }
 * ```
 */
export interface MysqlServerVersion {
  readonly flavor: 'mysql' | 'mariadb'
  /** Major, minor, patch. */
  readonly version: readonly [number, number, number]
  /** What the server said. */
  readonly text: string
}

/**
 * Reads `VERSION()`: `8.0.36` is MySQL, `10.11.19-MariaDB-0+deb12u1` (or, through some
 * proxies, `5.5.5-10.11.19-MariaDB`) is MariaDB. `undefined` when it has no version number.
 *
 * @example
 * ```ts
 * parseMysqlServerVersion('8.0.36')?.flavor // 'mysql'
 * ```
 */
export function parseMysqlServerVersion(text: string): MysqlServerVersion | undefined {
  const mariadb = /mariadb/i.test(text)
  // The 5.5.5- prefix is what MariaDB's handshake shows old clients; the version follows it.
  const numbers = (mariadb ? text.replace(/^5\.5\.5-/, '') : text).match(/^(\d+)\.(\d+)\.(\d+)/)
  if (numbers === null) return undefined
  return Object.freeze({
    flavor: mariadb ? 'mariadb' : 'mysql',
    version: Object.freeze([Number(numbers[1]), Number(numbers[2]), Number(numbers[3])]) as [
      number,
      number,
      number,
    ],
    text,
  })
}

/**
 * Whether a server version is at least `major.minor.patch`.
 *
 * @example
 * ```ts
 * atLeast(parseMysqlServerVersion('8.0.36')!, 8, 0, 13) // true
 * ```
 */
export function atLeast(
  server: MysqlServerVersion,
  major: number,
  minor: number,
  patch: number,
): boolean {
  const [a, b, c] = server.version
  return a !== major ? a > major : b !== minor ? b > minor : c >= patch
}
