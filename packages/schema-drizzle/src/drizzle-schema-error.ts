import { RetortError } from '@retort/core/errors'

/**
 * A Drizzle table that cannot be turned into a declared schema (a feature the declared
 * schema has no words for, tables of several databases mixed); the message names the
 * table or column and says what to do.
 *
 * @example
 * ```ts
 * try { drizzleSchema(tables) } catch (error) { error instanceof DrizzleSchemaError }
 * ```
 */
export class DrizzleSchemaError extends RetortError {
  constructor(message: string) {
    super('drizzle-schema', message)
  }
}
