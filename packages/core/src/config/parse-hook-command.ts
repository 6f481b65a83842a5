import { createRequire } from 'node:module'
import type * as ShellQuote from 'shell-quote'
import { ConfigError } from '../errors.js'

/**
 * shell-quote (CommonJS), required the first time a hook written as one string
 * is read: the config module is loaded by every command, and most configs have no hooks.
 */
let shellQuote: typeof ShellQuote | undefined
function loadShellQuote(): typeof ShellQuote {
  shellQuote ??= createRequire(import.meta.url)('shell-quote') as typeof ShellQuote
  return shellQuote
}

/**
 * Splits a post-write hook written as one string into the command and its arguments by the
 * shell's quoting rules (`'...'`, `"..."`, backslash escapes), as a user who wrote it in a
 * terminal expects: `node -e "process.exit(3)" {path}` is three words and `{path}`.
 *
 * Hooks run without a shell, so what only a shell does is refused rather than passed on as
 * text: operators (`|`, `&&`, `>`, `(`), unquoted patterns (`*.ts`), variables (`$HOME`),
 * comments, and an unclosed quote. `what` names the key in the messages.
 *
 * @example
 * ```ts
 * parseHookCommand('prettier --write "{path}"', "retort.yaml: 'postWriteHooks[0]'")
 * // ['prettier', '--write', '{path}']
 * ```
 */
export function parseHookCommand(text: string, what: string): string[] {
  const quote = unclosedQuote(text)
  if (quote !== undefined) {
    throw new ConfigError(`${what} has an unclosed ${quote} quote; close it`)
  }
  const variables: string[] = []
  const entries = loadShellQuote().parse(text, (name) => {
    variables.push(name)
    return ''
  })
  const words: string[] = []
  for (const entry of entries) {
    if (typeof entry === 'string') {
      words.push(entry)
    } else if ('comment' in entry) {
      throw new ConfigError(
        `${what} has a comment ('#${entry.comment}'); remove it, or quote the '#' to pass it as text`,
      )
    } else if (entry.op === 'glob') {
      throw new ConfigError(
        `${what} has the pattern '${entry.pattern}', which only a shell expands and hooks run without one; quote it to pass it as text`,
      )
    } else {
      throw new ConfigError(
        `${what} uses '${entry.op}', which needs a shell and hooks run without one; put the commands in a script and name the script, or write { command: 'sh', args: ['-c', '...'] }`,
      )
    }
  }
  if (variables.length > 0) {
    const name = variables[0]!
    throw new ConfigError(
      `${what} uses '$${name}', which only a shell expands and hooks run without one; write the value itself, or '\${${name}}' in retort.yaml to read it when the config is loaded, or single quotes for a literal '$'`,
    )
  }
  return words
}

/** The quote left open at the end of a shell word list, if any (shell-quote closes it silently). */
function unclosedQuote(text: string): string | undefined {
  let open: '"' | "'" | undefined
  for (let i = 0; i < text.length; i++) {
    const char = text[i]
    if (open === "'") {
      if (char === "'") open = undefined
    } else if (char === '\\') {
      i++
    } else if (open === '"') {
      if (char === '"') open = undefined
    } else if (char === '"' || char === "'") {
      open = char
    }
  }
  return open === undefined ? undefined : open === '"' ? 'double' : 'single'
}
