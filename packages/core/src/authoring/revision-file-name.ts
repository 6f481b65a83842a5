import { RetortError } from '../errors.js'

/** The values the tokens of a `fileTemplate` stand for. */
export interface RevisionFileNameValues {
  readonly rev: string
  readonly message: string
  readonly date: Date
  /** IANA zone of the date tokens; `undefined`: the system's. */
  readonly timezone?: string | undefined
}

/** How many characters of the message `{slug}` keeps. */
export const SLUG_MAX_LENGTH = 40

/** The tokens a `fileTemplate` may use. */
export const FILE_TEMPLATE_TOKENS: readonly string[] = Object.freeze([
  'rev',
  'slug',
  'year',
  'month',
  'day',
  'hour',
  'minute',
  'second',
  'epoch',
])

/**
 * The file name (without extension) of a new revision: `template` with `{rev}`, `{slug}`
 * (the message in lower case, words joined by `_`, at most {@link SLUG_MAX_LENGTH}
 * characters), `{year}`, `{month}`, `{day}`, `{hour}`, `{minute}`, `{second}` (two digits,
 * in `timezone`) and `{epoch}` (seconds) replaced. An unknown token, or a result that is
 * not a plain file name, is an error.
 *
 * @example
 * ```ts
 * revisionFileName('{year}{month}{day}_{rev}_{slug}', { rev: 'ae10', message: 'Add users!', date: new Date(), timezone: 'UTC' })
 * // '20250102_ae10_add_users'
 * ```
 */
export function revisionFileName(template: string, values: RevisionFileNameValues): string {
  const parts = dateParts(values.date, values.timezone)
  const name = template.replace(/\{([^{}]*)\}/g, (whole, token: string) => {
    switch (token) {
      case 'rev':
        return values.rev
      case 'slug':
        return slugify(values.message)
      case 'epoch':
        return String(Math.floor(values.date.getTime() / 1000))
      case 'year':
      case 'month':
      case 'day':
      case 'hour':
      case 'minute':
      case 'second':
        return parts[token]
      default:
        throw new RetortError(
          'file-template',
          `fileTemplate '${template}' uses the unknown token '${whole}'; use ${FILE_TEMPLATE_TOKENS.map((t) => `{${t}}`).join(' ')}`,
        )
    }
  })
  const clean = name.replace(/_+$/, '')
  if (clean === '' || /[/\\]/.test(clean) || clean.startsWith('.') || clean.startsWith('_')) {
    throw new RetortError(
      'file-template',
      `fileTemplate '${template}' gives the file name '${clean}', which is not a plain file name that a script directory lists (no '/', not starting with '.' or '_'); change fileTemplate`,
    )
  }
  return clean
}

/**
 * A message as a file-name slug: lower case, runs of other characters than letters and
 * digits become `_`, at most {@link SLUG_MAX_LENGTH} characters, cut at a word boundary.
 *
 * @example
 * ```ts
 * slugify('Create the Account table') // 'create_the_account_table'
 * ```
 */
export function slugify(message: string): string {
  const words = message
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '')
  let slug = ''
  for (const word of words) {
    const next = slug === '' ? word : `${slug}_${word}`
    if (next.length > SLUG_MAX_LENGTH) {
      if (slug === '') slug = word.slice(0, SLUG_MAX_LENGTH)
      break
    }
    slug = next
  }
  return slug
}

function dateParts(
  date: Date,
  timezone: string | undefined,
): Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', string> {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone: timezone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  })
  const out = { year: '', month: '', day: '', hour: '', minute: '', second: '' }
  for (const part of format.formatToParts(date)) {
    if (part.type in out) out[part.type as keyof typeof out] = part.value
  }
  return out
}

/**
 * A date as `YYYY-MM-DD HH:MM:SS` in `timezone` (the creation date written in new files).
 *
 * @example
 * ```ts
 * formatRevisionDate(new Date(0), 'UTC') // '1970-01-01 00:00:00'
 * ```
 */
export function formatRevisionDate(date: Date, timezone: string | undefined): string {
  const p = dateParts(date, timezone)
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`
}
