import type { SchemaSnapshot } from '../autogenerate/schema-snapshot.js'
import type { Dialect } from '../dialect.js'
import { RevisionMap } from '../graph/revision-map.js'
import type { Operations } from '../operations/operations.js'
import { createRevision, type RevisionSource } from '../revision.js'
import { DEFAULT_VERSION_TABLE } from '../run-settings.js'
import type { DeclaredSchema } from './define-schema.js'
import { declaredSchemaOperations } from './declared-schema-operations.js'
import { readScratchSchema, replayRevisions } from './replay-schema.js'
import { SchemaCache, schemaCacheKey, type SchemaCacheOptions } from './schema-cache.js'
import { openScratchDatabase, scratchDialect, type OpenScratchOptions } from './scratch-database.js'

/**
 * Options of {@link materializeDeclaredSchema}.
 *
 * @example
 * ```ts
 * const options: MaterializeDeclaredSchemaOptions = { cache: { near: config.directory } }
 * ```
 */
export interface MaterializeDeclaredSchemaOptions extends OpenScratchOptions {
  /** Where snapshots are kept (see `SchemaCacheOptions`); `false`: no cache. */
  readonly cache?: SchemaCacheOptions | false | undefined
}

/**
 * What {@link materializeDeclaredSchema} returns.
 *
 * @example
 * ```ts
 * const { snapshot, cached } = await materializeDeclaredSchema(dialect, schema)
 * ```
 */
export interface MaterializedSchema {
  readonly snapshot: SchemaSnapshot
  readonly key: string
  /** `true` when the snapshot came from the cache and no database was opened. */
  readonly cached: boolean
}

/**
 * The declared schema as `from`'s kind of database spells it: the schema is created on a
 * scratch database ({@link declaredSchemaOperations}, compiled by the dialect itself) and
 * introspected, so that it compares with the schema the revisions produce in the
 * database's own words (`character varying(255)`, `'draft'::character varying`), whatever
 * portable spelling it was declared in. Cached by the dialect and the schema's content.
 *
 * @example
 * ```ts
 * const { snapshot } = await materializeDeclaredSchema(postgresDialect({ connectionString }), schema)
 * ```
 */
export async function materializeDeclaredSchema(
  from: Dialect | string,
  schema: DeclaredSchema,
  options: MaterializeDeclaredSchemaOptions = {},
): Promise<MaterializedSchema> {
  const dialect = await scratchDialect(from, options)
  const key = schemaCacheKey([
    'declared',
    dialect.name,
    dialect.description,
    JSON.stringify(schema, jsonValue),
  ])
  const cache = options.cache === false ? undefined : SchemaCache.open(options.cache)
  const hit = cache?.read(key)
  if (hit !== undefined) return Object.freeze({ snapshot: hit, key, cached: true })
  const operations = declaredSchemaOperations(schema, {
    foreignKeysAfterTables: dialect.name !== 'sqlite',
  })
  const revision = createRevision({ revision: 'declared_schema', message: 'declared schema' })
  const source: RevisionSource = {
    revisions: [revision],
    load: async () => ({
      upgrade(op: Operations) {
        for (const operation of operations) op.enqueue(operation)
      },
    }),
  }
  const scratch = await openScratchDatabase(dialect)
  let snapshot: SchemaSnapshot
  try {
    const loaded = { source, map: new RevisionMap(source.revisions), envPath: undefined }
    await replayRevisions(scratch, loaded, { versionTable: DEFAULT_VERSION_TABLE })
    snapshot = await readScratchSchema(scratch, { versionTable: DEFAULT_VERSION_TABLE })
  } finally {
    await scratch.dispose()
  }
  cache?.write(key, snapshot)
  return Object.freeze({ snapshot, key, cached: false })
}

/** Values JSON has no spelling for, spelled apart from any string. */
function jsonValue(_key: string, value: unknown): unknown {
  if (typeof value === 'bigint') return { bigint: value.toString() }
  if (value instanceof Uint8Array) return { bytes: Buffer.from(value).toString('hex') }
  return value
}
