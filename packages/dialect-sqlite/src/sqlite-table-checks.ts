import type { CheckInfo } from '@retort/core'
import {
  closingParen,
  identifierValue,
  isKeyword,
  isName,
  splitTopLevel,
  tokenizeSql,
  type SqlToken,
} from './sqlite-sql-tokens.js'

/**
 * The CHECK constraints of a table, read from its `CREATE TABLE` statement (SQLite keeps no
 * catalog of them): table-level ones and those written on a column, in the order written,
 * each with the expression as written and its name when `CONSTRAINT name` precedes it.
 * Returns `undefined` when the statement cannot be read, so that checks are not compared.
 *
 * @example
 * ```ts
 * readSqliteChecks('CREATE TABLE "t" ("p" INTEGER, CONSTRAINT "ck_p" CHECK (p >= 0))')
 * // [{ name: 'ck_p', expression: 'p >= 0' }]
 * ```
 */
export function readSqliteChecks(createTableSql: string): readonly CheckInfo[] | undefined {
  let tokens: SqlToken[]
  try {
    tokens = tokenizeSql(createTableSql)
  } catch {
    return undefined
  }
  const open = tokens.findIndex((t) => t.kind === 'punct' && t.text === '(')
  if (open < 0) return Object.freeze([])
  let end: number
  try {
    end = closingParen(tokens, open)
  } catch {
    return undefined
  }
  const checks: CheckInfo[] = []
  for (const [from, to] of splitTopLevel(tokens, open + 1, end - 1)) {
    let depth = 0
    for (let i = from; i < to; i++) {
      const token = tokens[i]!
      if (token.kind === 'punct' && token.text === '(') depth += 1
      else if (token.kind === 'punct' && token.text === ')') depth -= 1
      else if (depth === 0 && isKeyword(token, 'CHECK')) {
        const paren = tokens[i + 1]
        if (paren === undefined || paren.text !== '(') continue
        const close = closingParen(tokens, i + 1) - 1
        const expression = createTableSql.slice(paren.end, tokens[close]!.start).trim()
        const named =
          i - 2 >= from && isKeyword(tokens[i - 2], 'CONSTRAINT') && isName(tokens[i - 1])
        checks.push(
          Object.freeze({
            ...(named ? { name: identifierValue(tokens[i - 1]!) } : {}),
            expression,
          }),
        )
        i = close
      }
    }
  }
  return Object.freeze(checks)
}
