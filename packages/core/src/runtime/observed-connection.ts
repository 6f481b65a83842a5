import type { CompiledStatement, Connection } from '../dialect.js'
import type { MigrationEvent } from '../env/logger.js'

/**
 * The connection of a run, reporting each statement to `onEvent` as it starts (a
 * `statement` event: the SQL with its placeholders and how many values are bound, never the
 * values) and each transaction boundary (a `transaction` event). Without `onEvent` it is the
 * connection itself.
 *
 * Everything else reaches the dialect's own connection object unchanged: a dialect's adapter
 * reads its handle from it (`databaseOf` on SQLite), and its methods keep their `this`.
 *
 * @example
 * ```ts
 * const connection = observedConnection(await driver.connect(), (event) => console.error(event))
 * ```
 */
export function observedConnection(
  connection: Connection,
  onEvent: ((event: MigrationEvent) => void) | undefined,
): Connection {
  if (onEvent === undefined) return connection
  const observed: Partial<Connection> = {
    execute: (statement: CompiledStatement) => {
      onEvent({
        type: 'statement',
        sql: statement.sql,
        parameterCount: statement.parameters.length,
      })
      return connection.execute(statement)
    },
    begin: () => {
      onEvent({ type: 'transaction', action: 'begin' })
      return connection.begin()
    },
    commit: () => {
      onEvent({ type: 'transaction', action: 'commit' })
      return connection.commit()
    },
    rollback: () => {
      onEvent({ type: 'transaction', action: 'rollback' })
      return connection.rollback()
    },
  }
  return new Proxy(connection, {
    get(target, property) {
      const own = observed[property as keyof Connection]
      if (own !== undefined) return own
      const value: unknown = Reflect.get(target, property, target)
      return typeof value === 'function' ? (value as Function).bind(target) : value
    },
  })
}
