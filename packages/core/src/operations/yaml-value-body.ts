import { RevisionFileError } from '../errors.js'
import type { RevisionBody } from '../revision.js'
import { didYouMean, nearestName } from './nearest-name.js'
import { isPlainObject, show } from './argument-checks.js'
import { IrreversibleOperationError } from './irreversible-operation-error.js'
import type { Operation } from './operation.js'
import { OperationError, type ArgumentPath } from './operation-error.js'
import { Operations } from './operations.js'
import { reverseOperations } from './reverse-operation.js'

type Args = Readonly<Record<string, unknown>>

/** The YAML operations: the positional arguments of each builder, then its options. */
const YAML_OPERATIONS: Readonly<
  Record<
    string,
    {
      readonly positional: readonly string[]
      build(op: Operations, args: Args, options: Args): Operation
    }
  >
> = {
  createTable: {
    positional: ['name', 'columns'],
    build: (op, a, o) => op.createTable(a['name'] as never, a['columns'] as never, o),
  },
  dropTable: { positional: ['name'], build: (op, a, o) => op.dropTable(a['name'] as never, o) },
  renameTable: {
    positional: ['from', 'to'],
    build: (op, a, o) => op.renameTable(a['from'] as never, a['to'] as never, o),
  },
  addColumn: {
    positional: ['table', 'column'],
    build: (op, a, o) => op.addColumn(a['table'] as never, a['column'] as never, o),
  },
  dropColumn: {
    positional: ['table', 'name'],
    build: (op, a, o) => op.dropColumn(a['table'] as never, a['name'] as never, o),
  },
  alterColumn: {
    positional: ['table', 'name'],
    build: (op, a, o) => op.alterColumn(a['table'] as never, a['name'] as never, o),
  },
  createIndex: {
    positional: ['name', 'table', 'columns'],
    build: (op, a, o) =>
      op.createIndex(a['name'] as never, a['table'] as never, a['columns'] as never, o),
  },
  dropIndex: { positional: ['name'], build: (op, a, o) => op.dropIndex(a['name'] as never, o) },
  createUniqueConstraint: {
    positional: ['name', 'table', 'columns'],
    build: (op, a, o) =>
      op.createUniqueConstraint(a['name'] as never, a['table'] as never, a['columns'] as never, o),
  },
  createForeignKey: {
    positional: ['name', 'table', 'referencedTable', 'columns', 'referencedColumns'],
    build: (op, a, o) =>
      op.createForeignKey(
        a['name'] as never,
        a['table'] as never,
        a['referencedTable'] as never,
        a['columns'] as never,
        a['referencedColumns'] as never,
        o,
      ),
  },
  createCheckConstraint: {
    positional: ['name', 'table', 'expression'],
    build: (op, a, o) =>
      op.createCheckConstraint(
        a['name'] as never,
        a['table'] as never,
        a['expression'] as never,
        o,
      ),
  },
  createPrimaryKey: {
    positional: ['name', 'table', 'columns'],
    build: (op, a, o) =>
      op.createPrimaryKey(a['name'] as never, a['table'] as never, a['columns'] as never, o),
  },
  dropConstraint: {
    positional: ['name', 'table'],
    build: (op, a, o) => op.dropConstraint(a['name'] as never, a['table'] as never, o),
  },
  createTableComment: {
    positional: ['table', 'comment'],
    build: (op, a, o) => op.createTableComment(a['table'] as never, a['comment'] as never, o),
  },
  dropTableComment: {
    positional: ['table'],
    build: (op, a, o) => op.dropTableComment(a['table'] as never, o),
  },
  execute: {
    positional: ['sql', 'parameters'],
    build: (op, a, o) => op.execute(a['sql'] as never, (a['parameters'] ?? []) as never, o),
  },
  bulkInsert: {
    positional: ['table', 'rows'],
    build: (op, a, o) => op.bulkInsert(a['table'] as never, a['rows'] as never, o),
  },
}

/**
 * Where an error in a YAML revision is: its line for a path into the document, when known.
 *
 * @example
 * ```ts
 * const noLines: YamlLineOf = () => undefined
 * ```
 */
export type YamlLineOf = (at: ArgumentPath, atKey: boolean) => number | undefined

/**
 * The body of a YAML revision from its parsed value (a plain object, as `JSON.parse` or
 * `document.toJS()` give): the rules of {@link loadYamlBody} without the YAML parser, so
 * that a bundled application carrying its YAML revisions as data does not carry the parser.
 * Errors are {@link RevisionFileError}s naming `path`, and the line when `lineOf` knows it.
 *
 * @example
 * ```ts
 * const body = yamlValueBody({ upgrade: [{ dropTable: { name: 'old' } }], downgrade: [] }, 'versions/a1.yaml')
 * ```
 */
export function yamlValueBody(
  top: unknown,
  path: string,
  lineOf: YamlLineOf = () => undefined,
): RevisionBody {
  const failAt = (at: ArgumentPath, message: string, atKey = false): never => {
    throw new RevisionFileError(path, lineOf(at, atKey), message)
  }
  if (!isPlainObject(top))
    return failAt([], `a YAML revision must be a map of keys (got ${show(top)})`)

  const upgrade = readList(top, 'upgrade', failAt)
  const hasDowngrade = 'downgrade' in top
  const downgrade = hasDowngrade ? readList(top, 'downgrade', failAt) : []
  // A scratch builder: the operations are built (and checked) once, at load time; what it
  // queues is dropped with it.
  const scratch = new Operations({ dialect: 'yaml', offline: true })
  const upgradeOperations = upgrade.map((item, index) =>
    build(scratch, item, ['upgrade', index], failAt),
  )
  let downgradeOperations = downgrade.map((item, index) =>
    build(scratch, item, ['downgrade', index], failAt),
  )

  if (!hasDowngrade) {
    try {
      downgradeOperations = reverseOperations(upgradeOperations)
    } catch (error) {
      if (!(error instanceof IrreversibleOperationError) || error.index === undefined) throw error
      failAt(
        ['upgrade', error.index],
        `upgrade[${error.index}]: ${error.message}; add a 'downgrade:' list to this file`,
      )
    }
  }
  return frozenBody(Object.freeze(upgradeOperations), Object.freeze(downgradeOperations))
}

/**
 * The body over built operations. Made outside {@link yamlValueBody}, so that its functions
 * keep only the operations alive, not the document, its locator and the scratch builder
 * (a run loads every body before the first step).
 */
function frozenBody(up: readonly Operation[], down: readonly Operation[]): RevisionBody {
  return Object.freeze({
    upgrade(op: Operations): void {
      for (const operation of up) op.enqueue(operation)
    },
    downgrade(op: Operations): void {
      for (const operation of down) op.enqueue(operation)
    },
  })
}

type FailAt = (at: ArgumentPath, message: string, atKey?: boolean) => never

function readList(top: Record<string, unknown>, key: string, failAt: FailAt): readonly unknown[] {
  const value = top[key]
  if (value === undefined && key === 'downgrade') return []
  if (!Array.isArray(value)) {
    // An empty `upgrade:` is a list left unwritten, not a revision meant to change nothing.
    const fix =
      key === 'upgrade'
        ? 'write upgrade: [] for a revision that changes nothing'
        : 'write downgrade: [] for a downgrade that changes nothing, or leave the key out to reverse the upgrade'
    failAt(
      [key],
      `'${key}' must be a list of operations (- createTable: {...}), got ${show(value)}; ${fix}`,
    )
  }
  return value
}

/** The operation names, for error messages. */
const OPERATION_NAMES = Object.keys(YAML_OPERATIONS).join(', ')

function build(scratch: Operations, item: unknown, at: ArgumentPath, failAt: FailAt): Operation {
  const where = `${at[0]}[${at[1]}]`
  if (!isPlainObject(item) || Object.keys(item).length !== 1) {
    const keys = isPlainObject(item) ? Object.keys(item) : []
    failAt(
      at,
      `${where}: each operation must be a map with one key, the operation (one of ${OPERATION_NAMES})${keys.length > 1 ? `; found ${keys.join(', ')}` : `, got ${show(item)}`}`,
    )
  }
  const [name, value] = Object.entries(item)[0] as [string, unknown]
  const spec = Object.hasOwn(YAML_OPERATIONS, name) ? YAML_OPERATIONS[name] : undefined
  if (spec === undefined)
    failAt(
      [...at, name],
      `${where}: unknown operation '${name}'${didYouMean(name, Object.keys(YAML_OPERATIONS))}; use one of ${OPERATION_NAMES}`,
      true,
    )

  let args: Args
  if (name === 'execute' && typeof value === 'string') args = { sql: value }
  else if (isPlainObject(value)) args = value
  else {
    return failAt(
      [...at, name],
      `${where}: ${name} must be a map of ${spec.positional.join(', ')} and options (got ${show(value)})`,
    )
  }
  const options: Record<string, unknown> = {}
  for (const [key, v] of Object.entries(args)) {
    if (spec.positional.includes(key)) continue
    // A misspelt argument (`nam:`) would otherwise be reported as a missing one.
    const nearest = nearestName(key, spec.positional)
    if (nearest !== undefined && !Object.hasOwn(args, nearest)) {
      failAt(
        [...at, name, key],
        `${where}: ${name}: unknown key '${key}' (did you mean '${nearest}'?); ${name} takes ${spec.positional.join(', ')} and its options`,
        true,
      )
    }
    options[key] = v
  }
  try {
    return spec.build(scratch, args, options)
  } catch (error) {
    if (!(error instanceof OperationError)) throw error
    return failAt([...at, name, ...error.path], `${where}: ${error.message}`, error.atKey)
  }
}
