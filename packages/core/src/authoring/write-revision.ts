import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join, relative, resolve, sep } from 'node:path'
import type { Config } from '../config/config.js'
import type { RevisionFormat } from '../config/config-keys.js'
import { REVISION_FORMATS } from '../config/config-keys.js'
import { ConfigError, InvalidRevisionIdError, RetortError } from '../errors.js'
import { RevisionMap } from '../graph/revision-map.js'
import type { Operation } from '../operations/operation.js'
import { createRevision, REVISION_ID_PATTERN } from '../revision.js'
import { readHeader } from '../script/header-reader.js'
import { ScriptDirectory } from '../script/script-directory.js'
import { generateRevisionId } from './generate-revision-id.js'
import { findControlCharacter, printableText } from '../env/printable-text.js'
import type { LoadedRevisions } from '../session/load-revisions.js'
import { renderRevisionFile, type NewRevisionHeader } from './render-revision-file.js'
import { formatRevisionDate, revisionFileName } from './revision-file-name.js'
import { revisionInfo, type RevisionInfo } from '../session/revision-info.js'
import { runPostWriteHooks, type PostWriteHookRun } from './run-post-write-hooks.js'

/** Options shared by the commands that write a new revision file (`revision`, `merge`). */
export interface WriteRevisionOptions {
  /** The id instead of a generated one (`--rev-id`): `[A-Za-z0-9_]+`, not taken. */
  readonly revId?: string | undefined
  /** The language of the file; default: the config's `revisionFormat`. */
  readonly format?: RevisionFormat | undefined
  /** The directory to write to (absolute): one of the version locations. */
  readonly versionPath?: string | undefined
  /** The creation date (tests pass a fixed one); default: now. */
  readonly now?: Date | undefined
  /**
   * What `upgrade` queues (autogenerate); `downgrade` gets their reverses. Default: an empty
   * body to fill in by hand.
   */
  readonly operations?: readonly Operation[] | undefined
  /** Comment lines at the top of `upgrade` (differences autogenerate did not write). */
  readonly notes?: readonly string[] | undefined
}

/** What `revision` and `merge` return. */
export interface RevisionResult {
  /** The new revision, as the graph sees it with the file added. */
  readonly revision: RevisionInfo
  /** The new file, absolute. */
  readonly path: string
  readonly format: RevisionFormat
  /** The post-write hooks that ran. */
  readonly hooks: readonly PostWriteHookRun[]
}

/**
 * Writes a new revision file into the script directory: checks the id and the graph with
 * the new revision added (labels unique, parents known), renders the file, writes it
 * (never over an existing file), verifies that its header reads back, then runs the
 * post-write hooks.
 */
export async function writeRevision(
  config: Config,
  loaded: LoadedRevisions,
  header: Omit<NewRevisionHeader, 'revision'>,
  options: WriteRevisionOptions,
): Promise<RevisionResult> {
  const directory = scriptDirectoryOf(loaded)
  const { map } = loaded
  const id = options.revId ?? generateRevisionId(map)
  if (!REVISION_ID_PATTERN.test(id)) throw new InvalidRevisionIdError(id, undefined)
  if (map.has(id)) {
    throw new RetortError(
      'revision-exists',
      `revision '${id}' already exists in '${map.get(id)!.path ?? 'the graph'}'; choose another --rev-id or leave it out to generate one`,
    )
  }
  const format = options.format ?? config.revisionFormat
  if (!REVISION_FORMATS.includes(format)) {
    throw new ConfigError(
      `revision format '${String(format)}' is not one of ${REVISION_FORMATS.join(', ')}`,
    )
  }
  const full: NewRevisionHeader = { revision: id, ...header }
  const location = chooseLocation(directory, map, full, options.versionPath)
  const now = options.now ?? new Date()
  const name = revisionFileName(config.fileTemplate, {
    rev: id,
    message: full.message,
    date: now,
    timezone: config.timezone,
  })
  const path = join(location, `${name}${extensionOf(format, location)}`)
  if (existsSync(path)) {
    throw new RetortError(
      'revision-file-exists',
      `the file '${path}' already exists; change the message, the id or fileTemplate`,
    )
  }
  const text = renderRevisionFile(full, format, {
    created: formatRevisionDate(now, config.timezone),
    operations: options.operations,
    notes: options.notes,
  })
  const revision = createRevision(readHeader(text, path), path)
  // Building the graph with the new revision checks labels, parents and dependencies.
  const next = new RevisionMap([...loaded.source.revisions, revision])
  writeFileSync(path, text, { flag: 'wx' })
  const hooks = await runPostWriteHooks(
    config.postWriteHooks,
    path,
    config.directory ?? directory.scriptLocation,
  )
  return { revision: revisionInfo(next, next.get(id)!), path, format, hooks }
}

/**
 * Refuses a control character in the text a new revision file would hold: the message,
 * the branch labels and the id (see `checkNoControlCharacters`). Checked first, before the
 * script directory is read.
 *
 * @example
 * ```ts
 * checkAuthoredText({ message: 'add index', branchLabels: ['accounts'] })
 * ```
 */
export function checkAuthoredText(options: {
  readonly message?: string | undefined
  readonly branchLabels?: readonly string[] | undefined
  readonly revId?: string | undefined
}): void {
  checkNoControlCharacters('message', options.message)
  for (const label of options.branchLabels ?? []) checkNoControlCharacters('branch label', label)
  checkNoControlCharacters('--rev-id', options.revId)
}

/**
 * Refuses text with a control character where Retort writes it into a new revision file
 * (a message, a branch label, an id, an identifier naming a parent): such a character has
 * no use there and would reach terminals, comments and generated SQL. `what` names the
 * value in the error (`message`, `branch label`, `--rev-id`). Throws a {@link RetortError}
 * with code `control-character`.
 *
 * @example
 * ```ts
 * checkNoControlCharacters('message', options.message)
 * ```
 */
export function checkNoControlCharacters(what: string, text: string | undefined): void {
  if (text === undefined) return
  const found = findControlCharacter(text)
  if (found === undefined) return
  throw new RetortError(
    'control-character',
    `${what} '${printableText(text)}' contains the control character ${printableText(found)}; write it on one line without control characters`,
  )
}

/** The script directory of a command; authoring needs one (bundled modules are read-only). */
export function scriptDirectoryOf(loaded: LoadedRevisions): ScriptDirectory {
  if (!(loaded.source instanceof ScriptDirectory)) {
    throw new ConfigError(
      'revisions passed as modules cannot be edited; run this command on the script directory (scriptLocation)',
    )
  }
  return loaded.source
}

function chooseLocation(
  directory: ScriptDirectory,
  map: RevisionMap,
  header: NewRevisionHeader,
  versionPath: string | undefined,
): string {
  const locations = directory.versionLocations
  if (versionPath !== undefined) {
    const wanted = resolve(versionPath)
    if (!locations.includes(wanted)) {
      throw new ConfigError(
        `version path '${versionPath}' is not a version location of '${directory.scriptLocation}'; use one of ${locations.map((l) => `'${l}'`).join(', ')} or add it to versionLocations`,
      )
    }
    return wanted
  }
  if (locations.length === 1) return locations[0]!
  // Several locations: follow the parent's file, as a branch usually lives in one place.
  for (const parent of header.downRevisions) {
    const path = map.get(parent)?.path
    if (path !== undefined && locations.includes(dirname(path))) return dirname(path)
  }
  throw new ConfigError(
    `the script directory has ${locations.length} version locations (${locations.map((l) => `'${relative(directory.scriptLocation, l) || '.'}'`).join(', ')}); choose one with --version-path`,
  )
}

/**
 * `.ts`, `.yaml`, or for JavaScript `.js` when the nearest package.json says
 * `"type": "module"` and `.mjs` otherwise (so that Node reads the file as ESM either way).
 */
function extensionOf(format: RevisionFormat, location: string): string {
  if (format === 'ts') return '.ts'
  if (format === 'yaml') return '.yaml'
  for (let dir = location; ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json')
    if (existsSync(manifest)) {
      try {
        return (JSON.parse(readFileSync(manifest, 'utf8')) as { type?: unknown }).type === 'module'
          ? '.js'
          : '.mjs'
      } catch {
        return '.mjs'
      }
    }
    if (dirname(dir) === dir || dir.endsWith(`${sep}node_modules`)) return '.mjs'
  }
}
