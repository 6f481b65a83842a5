/**
 * Rewrites a commander error as the one line every CLI error is: commander puts its
 * "Did you mean" suggestion on a second line and ends some messages in full stops.
 * `help` is the command whose `--help` the line points to.
 *
 * @example
 * ```ts
 * commanderMessage("error: unknown command 'hist'\n(Did you mean history?)", 'retort --help')
 * // "unknown command 'hist' (did you mean 'history'?); see 'retort --help'"
 * ```
 */
export function commanderMessage(text: string, help: string): string {
  const body = text
    .replace(/^\s*error:\s*/i, '')
    .replace(
      /\s*\(Did you mean (one of )?(.+?)\?\)/,
      (_match, oneOf: string | undefined, names: string) =>
        ` (did you mean ${oneOf ?? ''}${names
          .split(', ')
          .map((name) => `'${name}'`)
          .join(', ')}?)`,
    )
    // "too many arguments for 'heads'. Expected 0 arguments but got 1."
    .replace(/\.\s+(Expected|Allowed choices)/, (_match, word: string) => `; ${word.toLowerCase()}`)
    .replace(/\s*\n\s*/g, ' ')
    .trim()
    .replace(/\.$/, '')
  return `${body}; see '${help}'`
}
