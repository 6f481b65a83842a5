/** What stands for a password in everything Retort prints. */
export const URL_MASK = '***'

/**
 * A scheme and the slashes after it, also in the broken forms people type
 * (`postgresql//`, `postgres:/`): where the user and password would start.
 */
const SCHEME_PREFIX = /^\s*[A-Za-z0-9][A-Za-z0-9+.-]*(?::\/+|\/\/+)/
/** A password given as a query or key=value option (`?password=...`, `password=...`). */
const OPTION_SECRET = /((?:^|[?&;\s])(?:password|passwd|pass|pwd|sslpassword|sslkey)=)([^&;#\s]*)/gi
/** A URL inside a longer text (an error message, a stack). */
const URL_IN_TEXT = /[A-Za-z][A-Za-z0-9+.-]*:\/\/[^\s'"`<>]+/g
/** Secrets shorter than this are masked inside URLs only: in free text they would blank out words. */
const MIN_SECRET_LENGTH = 4

interface Userinfo {
  /** Where the masked part starts and ends (the `@` before the host). */
  readonly from: number
  readonly to: number
}

/**
 * The part of a URL that holds the password: everything between `://` (or the start of
 * the text when the scheme is missing or mistyped) and the LAST `@`, minus the user name.
 * A password may hold a raw `@ / ? # %`, so the last `@` is taken, which over-masks an odd
 * URL (an `@` in its query) rather than print part of a password.
 */
function userinfo(text: string): Userinfo | undefined {
  const prefix = SCHEME_PREFIX.exec(text)
  const start = prefix === null ? 0 : prefix[0].length
  const at = text.lastIndexOf('@')
  if (at < start) return undefined
  const colon = text.indexOf(':', start)
  if (colon < 0 || colon > at) {
    // `user@host`: a user name without a password, unless the text before the '@' is no
    // user name at all (it has a '/', '?' or '#': a path or query), which is left alone too.
    return undefined
  }
  const user = text.slice(start, colon)
  // A user name with a path or query character in it is not one: mask the whole userinfo.
  return /[/?#]/.test(user) ? { from: start, to: at } : { from: colon + 1, to: at }
}

/**
 * A database URL safe to print: the password in the userinfo (`user:password@`) and in
 * `password=` options becomes `***`. This is the one masking rule of Retort: every message,
 * description and JSON document that shows a URL goes through it, the dialect packages'
 * included. A raw `@ / ? # %` in the password is masked too (see above), as is a URL with
 * a missing (`user:password@host/db`) or mistyped (`postgresql//...`) scheme.
 *
 * @example
 * ```ts
 * maskUrl('postgresql://app:s3cret@db.internal:5432/app') // 'postgresql://app:***@db.internal:5432/app'
 * maskUrl('postgresql://app:pa?ss@db/app')                // 'postgresql://app:***@db/app'
 * maskUrl('root:s3cret@127.0.0.1/app')                   // 'root:***@127.0.0.1/app'
 * ```
 */
export function maskUrl(url: string): string {
  const text = String(url)
  const info = userinfo(text)
  const masked =
    info === undefined ? text : `${text.slice(0, info.from)}${URL_MASK}${text.slice(info.to)}`
  return masked.replace(OPTION_SECRET, `$1${URL_MASK}`)
}

/**
 * The texts {@link maskUrl} hides in a URL (the password as written and %-decoded, and
 * `password=` option values), to scrub from texts that may echo them: a driver's message,
 * a stack. Empty when the URL has no password.
 *
 * @example
 * ```ts
 * urlSecrets('mysql://root:pa%40ss@db/app') // ['pa%40ss', 'pa@ss']
 * ```
 */
export function urlSecrets(url: string): readonly string[] {
  const text = String(url)
  const found = new Set<string>()
  const add = (secret: string) => {
    if (secret === '') return
    found.add(secret)
    try {
      found.add(decodeURIComponent(secret))
    } catch {
      // A broken %-escape: the raw text is the only form anyone can see.
    }
  }
  const info = userinfo(text)
  if (info !== undefined) add(text.slice(info.from, info.to))
  for (const match of text.matchAll(OPTION_SECRET)) add(match[2] ?? '')
  return Object.freeze([...found])
}

/**
 * A text safe to print: every occurrence of a known secret (see {@link urlSecrets}) and the
 * password of every URL in it become `***`. For messages Retort did not write itself (a
 * driver's, an env module's) and for stacks.
 *
 * @example
 * ```ts
 * maskSecrets("auth failed for 's3cret' at postgres://u:s3cret@h/d", ['s3cret'])
 * // "auth failed for '***' at postgres://u:***@h/d"
 * ```
 */
export function maskSecrets(text: string, secrets: Iterable<string> = []): string {
  let out = String(text)
  const longestFirst = [...new Set(secrets)]
    .filter((secret) => secret.length >= MIN_SECRET_LENGTH)
    .sort((a, b) => b.length - a.length)
  for (const secret of longestFirst) out = out.replaceAll(secret, URL_MASK)
  return out.replace(URL_IN_TEXT, (url) => maskUrl(url)).replace(OPTION_SECRET, `$1${URL_MASK}`)
}
