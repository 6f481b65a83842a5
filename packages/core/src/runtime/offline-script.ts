import type { CompiledStatement, Compiler, QualifiedName, ScriptFrame } from '../dialect.js'
import { sqlComment } from '../sql-comment.js'

/** The frame of a dialect whose compiler has none: nothing around the statements. */
const NO_FRAME: ScriptFrame = Object.freeze({
  notes: [],
  start: [],
  check: () => [],
  end: [],
})

/**
 * The text of an offline SQL script as it is written: comments (always through
 * {@link sqlComment}), statements (through the compiler's `inline`), and transactions.
 * `begin()` asks for a transaction that opens at the next statement, so a request that no
 * statement follows writes nothing; `commit()` writes the dialect's checks
 * ({@link ScriptFrame.check}) and COMMIT when one is open. The dialect's `start` statements
 * come first and its `end` statements last, after the checks of what ran outside a
 * transaction.
 *
 * @example
 * ```ts
 * const script = new OfflineScript('Retort migration script (sqlite)', compiler, { transactions: true, versionTable })
 * script.begin()
 * script.statement({ sql: 'CREATE TABLE "t" ("id" INTEGER)', parameters: [] })
 * script.commit()
 * script.text() // '-- Retort migration script (sqlite)\n...BEGIN;\nCREATE TABLE "t" ("id" INTEGER);\nCOMMIT;\n...'
 * ```
 */
export class OfflineScript {
  readonly #lines: string[] = []
  readonly #compiler: Compiler
  readonly #frame: ScriptFrame
  readonly #transactions: boolean
  #wanted = false
  #open = false
  /** Statements written since the last check. */
  #unchecked: CompiledStatement[] = []

  /**
   * `transactions`: whether BEGIN/COMMIT are written at all (not in transaction mode
   * `none`); `versionTable` is handed to the compiler's `scriptFrame`.
   */
  constructor(
    title: string,
    compiler: Compiler,
    options: { readonly transactions: boolean; readonly versionTable: QualifiedName },
  ) {
    this.#compiler = compiler
    this.#frame = compiler.scriptFrame?.(options.versionTable) ?? NO_FRAME
    this.#transactions = options.transactions
    this.comment(title)
    for (const note of this.#frame.notes) this.comment(note)
    for (const statement of this.#frame.start) this.#write(statement)
  }

  /** A comment line; any text is safe here. */
  comment(text: string): void {
    this.#lines.push(sqlComment(text))
  }

  blank(): void {
    if (this.#lines.at(-1) !== '') this.#lines.push('')
  }

  /**
   * A statement, after BEGIN when a transaction was asked for and is not open yet. `text` is
   * the statement already inlined, when the caller has it.
   */
  statement(statement: CompiledStatement, text?: string): void {
    if (this.#wanted && !this.#open) {
      this.#lines.push('BEGIN;')
      this.#open = true
    }
    if (text === undefined) this.#write(statement)
    else this.#lines.push(`${text};`)
    this.#unchecked.push(statement)
  }

  /** Asks for a transaction from the next statement on (nothing in mode `none`). */
  begin(): void {
    if (this.#transactions) this.#wanted = true
  }

  /** Ends the open transaction, its checks first; drops a request no statement used. */
  commit(): void {
    this.#wanted = false
    if (!this.#open) return
    while (this.#lines.at(-1) === '') this.#lines.pop()
    this.#check()
    this.#lines.push('COMMIT;')
    this.#open = false
    this.blank()
  }

  /** The script: the open transaction committed, the last checks and the dialect's `end`. */
  text(): string {
    this.commit()
    this.#check()
    if (this.#frame.end.length > 0) this.blank()
    for (const statement of this.#frame.end) this.#write(statement)
    return `${this.#lines.join('\n').trim()}\n`
  }

  #check(): void {
    const checks = this.#frame.check(this.#unchecked)
    this.#unchecked = []
    for (const statement of checks) this.#write(statement)
  }

  #write(statement: CompiledStatement): void {
    this.#lines.push(`${this.#compiler.inline(statement)};`)
  }
}
