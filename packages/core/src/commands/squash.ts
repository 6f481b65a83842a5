import { existsSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import type { Config } from '../config/config.js'
import { RetortError } from '../errors.js'
import type { RevisionMap } from '../graph/revision-map.js'
import { Operations } from '../operations/operations.js'
import type { Operation } from '../operations/operation.js'
import type { Revision, RevisionSource } from '../revision.js'
import { createRevision } from '../revision.js'
import { readHeader } from '../script/header-reader.js'
import type { CommandOptions } from '../session/command-options.js'
import { generateRevisionId } from '../authoring/generate-revision-id.js'
import { loadRevisions, type LoadedRevisions } from '../session/load-revisions.js'
import type { RunResult } from '../runtime/migration-action.js'
import { renderOperationsScript, renderOperationsYaml } from '../authoring/render-operations.js'
import { commentText, jsIds, jsString, yamlId, yamlIds } from '../authoring/render-revision-file.js'
import { formatRevisionDate, revisionFileName } from '../authoring/revision-file-name.js'
import { revisionInfo, type RevisionInfo } from '../session/revision-info.js'
import { checkAuthoredText, scriptDirectoryOf } from '../authoring/write-revision.js'
import { RevisionMap as Graph } from '../graph/revision-map.js'
import { Squashes } from '../graph/squashes.js'
import { runAction } from '../session/run-action.js'

/** Options of {@link squash}. */
export interface SquashOptions extends CommandOptions {
  readonly message: string
  /** The id instead of a generated one. */
  readonly revId?: string | undefined
  /** The creation date written in the file (tests pass a fixed one); default: now. */
  readonly now?: Date | undefined
}

/** What {@link squash} returns. */
export interface SquashResult {
  /** The squash revision, as the graph sees it with the file added. */
  readonly revision: RevisionInfo
  readonly path: string
  /** `yaml` when every replaced revision is YAML, else `ts`. */
  readonly format: 'yaml' | 'ts'
  /** The replaced revisions, oldest first. */
  readonly replaces: readonly string[]
}

/**
 * The revisions of `FROM:TO`: FROM, TO and every revision between them, oldest first, when
 * they form a closed part of the graph with one entry (FROM: no other member has a parent
 * outside) and one exit (TO: no other member has a child or dependent outside). Throws a
 * {@link RetortError} `squash-range` saying why otherwise.
 *
 * @example
 * ```ts
 * squashRange(map, 'a001', 'a100') // ['a001', ..., 'a100']
 * ```
 */
export function squashRange(map: RevisionMap, from: string, to: string): string[] {
  const refuse = (why: string) =>
    new RetortError('squash-range', `cannot squash '${from}:${to}': ${why}`)
  if (from === to) throw refuse('the range has one revision; squash at least two')
  const below = map.ancestors([to])
  if (!below.has(from)) throw refuse(`'${from}' is not an ancestor of '${to}'`)
  const above = map.descendants([from])
  const members = new Set([...below].filter((id) => above.has(id)))
  for (const id of members) {
    const revision = map.get(id)!
    if (revision.replaces.length > 0)
      throw refuse(`'${id}' is itself a squash revision; squash a range of plain revisions`)
    if (revision.branchLabels.length > 0)
      throw refuse(
        `'${id}' has the branch label${revision.branchLabels.length === 1 ? '' : 's'} ${revision.branchLabels.map((l) => `'${l}'`).join(', ')}, which a squash cannot carry; move the label or squash a range without it`,
      )
    if (id !== from) {
      const outside = revision.downRevisions.find((parent) => !members.has(parent))
      if (outside !== undefined)
        throw refuse(
          `'${id}' has the parent '${outside}' outside the range, so the range has more than one entry; squash a range that starts at a single revision`,
        )
    }
    for (const dependency of map.dependencies(id)) {
      if (!members.has(dependency) && !map.ancestors(map.get(from)!.downRevisions).has(dependency))
        throw refuse(
          `'${id}' depends on '${dependency}', which is neither in the range nor below it`,
        )
    }
    if (id !== to) {
      const child = map.children(id).find((c) => !members.has(c))
      if (child !== undefined)
        throw refuse(
          `'${id}' has the child '${child}' outside the range, so the range has more than one exit; squash a range that ends at a single revision`,
        )
      const dependent = map.dependents(id).find((d) => !members.has(d))
      if (dependent !== undefined)
        throw refuse(
          `'${dependent}' outside the range depends on '${id}' inside it; squash a range nothing outside depends on, or up to '${id}'`,
        )
    }
  }
  return map.topologicalOrder.filter((id) => members.has(id))
}

/**
 * `retort squash FROM:TO -m MESSAGE`: writes one revision that `replaces` the revisions of
 * the range (see {@link squashRange}), next to TO's file. Its upgrade runs the range's
 * upgrades in order and its downgrade their downgrades in reverse order: a YAML file with the
 * operations concatenated when every replaced revision is YAML (downgrades as the YAML
 * loader derives them, or as written), else a TypeScript file that calls the bodies in
 * order (TypeScript bodies copied as compiled, YAML ones as `op` calls). The replaced files
 * are left in place: the graph reads the squash as standing for them (databases inside the
 * range finish it from those files); `retort squash --status` says when they can go.
 *
 * @example
 * ```ts
 * const { path, replaces } = await squash(config, 'a001:a100', { message: 'squash 2024' })
 * ```
 */
export async function squash(
  config: Config,
  range: string,
  options: SquashOptions,
): Promise<SquashResult> {
  checkAuthoredText({ message: options.message, revId: options.revId })
  const loaded = await loadRevisions(config, options)
  const directory = scriptDirectoryOf(loaded)
  const { map, source } = loaded
  const parts = range.split(':')
  if (parts.length !== 2 || parts[0] === '' || parts[1] === '') {
    throw new RetortError(
      'squash-range',
      `'${range}' is not a range; write FROM:TO, the oldest and the newest revision to squash (a1b2:c3d4)`,
    )
  }
  const [from, to] = parts.map((identifier) => resolveOne(map, identifier!)) as [string, string]
  const ids = squashRange(map, from, to)
  const revisions = ids.map((id) => map.get(id)!)
  const id = options.revId ?? generateRevisionId({ has: (x) => map.has(x) || x === '' })
  if (map.has(id)) {
    throw new RetortError(
      'revision-exists',
      `revision '${id}' already exists; choose another --rev-id`,
    )
  }
  const downRevisions = map.get(from)!.downRevisions
  const yaml = revisions.every((r) => r.path !== undefined && /\.ya?ml$/.test(r.path))
  const now = options.now ?? new Date()
  const created = formatRevisionDate(now, config.timezone)
  const text = yaml
    ? await renderYamlSquash(id, downRevisions, options.message, created, revisions, source)
    : await renderScriptSquash(id, downRevisions, options.message, created, revisions, source)
  const location = dirname(map.get(to)!.path ?? directory.versionLocations[0]!)
  const name = revisionFileName(config.fileTemplate, {
    rev: id,
    message: options.message,
    date: now,
    timezone: config.timezone,
  })
  const path = join(location, `${name}${yaml ? '.yaml' : '.ts'}`)
  if (existsSync(path)) {
    throw new RetortError(
      'revision-file-exists',
      `the file '${path}' already exists; change the message or the id`,
    )
  }
  const revision = createRevision(readHeader(text, path), path)
  // Building the graph with the squash checks it before the file is written.
  const next = new Graph(Squashes.split([...source.revisions, revision]).revisions)
  writeFileSync(path, text, { flag: 'wx' })
  return Object.freeze({
    revision: revisionInfo(next, next.get(id)!),
    path,
    format: yaml ? ('yaml' as const) : ('ts' as const),
    replaces: Object.freeze(ids),
  })
}

function resolveOne(map: RevisionMap, identifier: string): string {
  const target = map.resolve(identifier)
  const ids = target.kind === 'heads' ? map.heads : target.kind === 'revisions' ? target.ids : []
  if (ids.length !== 1) {
    throw new RetortError(
      'squash-range',
      `'${identifier}' resolves to ${ids.length === 0 ? 'no revision' : `${ids.length} revisions`}; name one revision on each side of FROM:TO`,
    )
  }
  return ids[0]!
}

/** The operations a body queues, recorded without a database. */
async function recorded(
  body: ((op: Operations) => unknown) | undefined,
  revision: Revision,
  which: 'upgrade' | 'downgrade',
): Promise<Operation[]> {
  if (body === undefined) {
    throw new RetortError(
      'squash-body',
      `revision '${revision.id}' has no ${which}; give it one before squashing it`,
    )
  }
  const op = new Operations({ dialect: 'squash', offline: true })
  await body(op)
  return [...op.takePending()]
}

async function renderYamlSquash(
  id: string,
  downRevisions: readonly string[],
  message: string,
  created: string,
  revisions: readonly Revision[],
  source: RevisionSource,
): Promise<string> {
  const upgrade: Operation[] = []
  const downgrade: Operation[][] = []
  for (const revision of revisions) {
    const body = await source.load(revision)
    upgrade.push(...(await recorded(body.upgrade, revision, 'upgrade')))
    downgrade.unshift(await recorded(body.downgrade, revision, 'downgrade'))
  }
  const lines = [
    `# ${commentText(message || '(no message)')}`,
    `# Created: ${created}`,
    `# Squash of ${revisions.length} revisions (${revisions[0]!.id} .. ${revisions[revisions.length - 1]!.id}): their operations in order.`,
    `revision: ${yamlId(id)}`,
    `downRevision: ${yamlIds(downRevisions, true)}`,
    `message: ${JSON.stringify(message)}`,
    'replaces:',
    ...revisions.map((r) => `  - ${yamlId(r.id)}`),
  ]
  const list = (operations: readonly Operation[]) =>
    operations.length === 0
      ? ' []'
      : `\n${renderOperationsYaml(operations)
          .replace(/\n$/, '')
          .split('\n')
          .map((line) => `  ${line}`)
          .join('\n')}`
  lines.push(`upgrade:${list(upgrade)}`)
  lines.push(`downgrade:${list(downgrade.flat())}`)
  return `${lines.join('\n')}\n`
}

async function renderScriptSquash(
  id: string,
  downRevisions: readonly string[],
  message: string,
  created: string,
  revisions: readonly Revision[],
  source: RevisionSource,
): Promise<string> {
  const upgrades: string[] = []
  const downgrades: string[] = []
  for (const revision of revisions) {
    const body = await source.load(revision)
    const yaml = revision.path !== undefined && /\.ya?ml$/.test(revision.path)
    const step = async (which: 'upgrade' | 'downgrade') => {
      const fn = body[which]
      if (yaml || fn === undefined) {
        const operations = await recorded(fn, revision, which)
        return [
          `  // ${revision.id}: ${commentText(revision.message)}`,
          '  async (op) => {',
          ...renderOperationsScript(operations).map((line) => `    ${line}`),
          '  },',
        ]
      }
      return [
        `  // ${revision.id}: ${commentText(revision.message)}`,
        ...`${Function.prototype.toString.call(fn)},`.split('\n').map((line) => `  ${line}`),
      ]
    }
    upgrades.push(...(await step('upgrade')))
    downgrades.unshift(...(await step('downgrade')))
  }
  return [
    "import type { Operations } from '@retort/core'",
    '',
    '/**',
    ` * ${commentText(message || '(no message)')}`,
    ' *',
    ` * Created: ${created}`,
    ` * Squash of ${revisions.length} revisions (${revisions[0]!.id} .. ${revisions[revisions.length - 1]!.id}): their bodies, called in order.`,
    ' * Bodies are copied as they ran (TypeScript compiled to JavaScript); a body that used an',
    ' * import of its own file needs that import added here.',
    ' */',
    `export const revision = ${jsString(id)}`,
    `export const downRevision = ${jsIds(downRevisions, true)}`,
    `export const replaces = ${jsIds(
      revisions.map((r) => r.id),
      false,
    )}`,
    `export const message = ${jsString(message)}`,
    '',
    'const upgrades: ((op: Operations) => unknown)[] = [',
    ...upgrades,
    ']',
    '',
    'const downgrades: ((op: Operations) => unknown)[] = [',
    ...downgrades,
    ']',
    '',
    'export async function upgrade(op: Operations) {',
    '  for (const body of upgrades) await body(op)',
    '}',
    '',
    'export async function downgrade(op: Operations) {',
    '  for (const body of downgrades) await body(op)',
    '}',
    '',
  ].join('\n')
}

/** Where one database stands with respect to one squash revision. */
export interface SquashDatabaseStatus {
  readonly name: string | undefined
  /**
   * `before` (it will run the squash revision), `inside` (at a replaced revision before the
   * last one: upgrading it needs the remaining replaced files), `past` (at the squash
   * revision, its last replaced revision, or beyond).
   */
  readonly position: 'before' | 'inside' | 'past'
  /** Its version row inside the range, for `inside`. */
  readonly row?: string | undefined
}

/** The state of one squash revision, as {@link squashStatus} reports it. */
export interface SquashStatusEntry {
  readonly squash: string
  readonly replaces: readonly string[]
  /** The replaced revisions whose files are still in the script directory. */
  readonly filesPresent: readonly string[]
  readonly databases: readonly SquashDatabaseStatus[]
  /** Whether deleting the replaced files strands none of the configured databases. */
  readonly safeToDelete: boolean
}

/**
 * `retort squash --status`: for every squash revision, which replaced files are still
 * there and where each configured database stands; deleting the old files is safe when no
 * database is inside a squash (a database before it runs the squash revision, one past it
 * needs nothing). Databases that are not configured here (other environments) are not
 * known: run it against each.
 *
 * @example
 * ```ts
 * const [entry] = await squashStatus(config)
 * entry.safeToDelete // true
 * ```
 */
export async function squashStatus(
  config: Config,
  options: CommandOptions = {},
): Promise<SquashStatusEntry[]> {
  const loaded = await loadRevisions(config, options)
  const squashes = loaded.squashes ?? Squashes.NONE
  const { map } = loaded
  const states = squashes.isEmpty ? [] : await configuredStates(config, loaded, options)
  return [...squashes.squashes].map(([squash, replaces]) => {
    const databases = states.map((state): SquashDatabaseStatus => {
      const inner = state.heads.find((row) => {
        const place = squashes.placeOf(row)
        return place !== undefined && place.squash === squash && !place.last
      })
      if (inner !== undefined) return { name: state.name, position: 'inside', row: inner }
      const rows = squashes.normalizeRows(state.heads).filter((row) => map.has(row))
      return {
        name: state.name,
        position: map.ancestors(rows).has(squash) ? 'past' : 'before',
      }
    })
    return Object.freeze({
      squash,
      replaces,
      filesPresent: replaces.filter((id) => squashes.hasFile(id)),
      databases,
      safeToDelete: databases.every((d) => d.position !== 'inside'),
    })
  })
}

/**
 * The version rows of every configured database: those the env module (or the caller's
 * dialect, or the config's `url`) hands over; with no env module, no `url` and a
 * `databases:` list, each entry in turn.
 */
async function configuredStates(
  config: Config,
  loaded: LoadedRevisions,
  options: CommandOptions,
): Promise<RunResult[]> {
  const each =
    options.dialect === undefined &&
    loaded.envPath === undefined &&
    config.url === undefined &&
    options.xArgs?.['url'] === undefined &&
    config.databaseNames.length > 0
  if (!each) return runAction(config, loaded, { kind: 'current' }, options)
  const states: RunResult[] = []
  for (const name of config.databaseNames) {
    for (const state of await runAction(
      config.forDatabase(name),
      loaded,
      { kind: 'current' },
      options,
    ))
      states.push({ ...state, name })
  }
  return states
}
