import type { Config } from '../config/config.js'
import { migrate, type MigrateOptions, type MigrateResult } from '../session/migrate-result.js'

/** Options of {@link stamp}. */
export interface StampOptions extends MigrateOptions {
  /** Empty the version table first: the way out when it holds unknown ids. */
  readonly purge?: boolean | undefined
}

/**
 * Sets the version rows to `target` without running any revision: a new database created
 * from the current schema is stamped `heads`. Rows on unrelated branches stay. Stamping
 * also clears the record of a revision that stopped part-way outside a transaction (see
 * `IncompleteMigrationError`): the way to say the schema has been put right by hand.
 *
 * @example
 * ```ts
 * await stamp(config, 'heads', { dialect: sqliteDialect({ filename: tmpFile }) })
 * ```
 */
export function stamp(
  config: Config,
  target: string,
  options: StampOptions = {},
): Promise<MigrateResult> {
  return migrate(config, target, options, (to) => ({
    kind: 'stamp',
    target: to,
    purge: options.purge ?? false,
  }))
}
