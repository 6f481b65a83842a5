import { readFileSync, writeFileSync } from 'node:fs'
import { parseDocument, Scalar } from 'yaml'
import type { Config } from '../config/config.js'
import { RetortError } from '../errors.js'
import { RevisionMap } from '../graph/revision-map.js'
import { createRevision } from '../revision.js'
import { readHeader } from '../script/header-reader.js'
import type { CommandOptions } from '../session/command-options.js'
import { databaseConfigured } from '../session/database-configured.js'
import { loadRevisions } from '../session/load-revisions.js'
import { yamlId } from './render-revision-file.js'
import { revisionInfo, type RevisionInfo } from '../session/revision-info.js'
import { runAction } from '../session/run-action.js'
import { scriptDirectoryOf } from './write-revision.js'

/** Options of {@link rebase}. */
export interface RebaseOptions extends CommandOptions {
  /**
   * Read the configured database and refuse when it has the revision applied. Default:
   * `true` when a database is configured (a dialect, an env module or a `url`).
   */
  readonly checkDatabase?: boolean | undefined
}

/** What {@link rebase} returns. */
export interface RebaseResult {
  /** The revision with its new parent. */
  readonly revision: RevisionInfo
  /** Its parents before the rewrite. */
  readonly previousDownRevisions: readonly string[]
  readonly path: string
  /** Whether a database was read to check that the revision is not applied there. */
  readonly databaseChecked: boolean
}

/**
 * Moves a revision onto another parent by rewriting the `downRevision` of its file: the
 * alternative to a merge for a branch's new revision after the main line moved on. Refuses
 * a revision the configured database has applied (its schema already has it; rewriting
 * history there would make the graph lie), a merge revision, and a target that descends
 * from the revision (a cycle).
 *
 * @example
 * ```ts
 * await rebase(config, 'b7e1', 'head')   // the new head of main, after `git pull`
 * ```
 */
export async function rebase(
  config: Config,
  identifier: string,
  onto: string,
  options: RebaseOptions = {},
): Promise<RebaseResult> {
  const loaded = await loadRevisions(config, options)
  scriptDirectoryOf(loaded)
  const { map } = loaded
  const id = single(map, identifier, 'the revision to rebase')
  const revision = map.get(id)!
  if (revision.downRevisions.length > 1) {
    throw new RetortError(
      'rebase-merge',
      `revision '${id}' is a merge point (parents ${revision.downRevisions.map((p) => `'${p}'`).join(', ')}); rebase the revisions of a branch, not a merge`,
    )
  }
  const target = onto === 'base' ? undefined : single(map, onto, '--onto')
  if (target !== undefined && map.descendants([id]).has(target)) {
    throw new RetortError(
      'rebase-cycle',
      `'${target}' descends from '${id}' (or is it); rebasing onto it would make a cycle: choose a revision of the other line`,
    )
  }
  const path = revision.path
  if (path === undefined)
    throw new RetortError('rebase-file', `revision '${id}' has no file to rewrite`)

  const check = options.checkDatabase ?? databaseConfigured(config, loaded, options)
  if (check) {
    const databases = await runAction(config, loaded, { kind: 'current' }, options)
    for (const database of databases) {
      const known = database.heads.filter((row) => map.has(row))
      if (map.ancestors(known).has(id)) {
        throw new RetortError(
          'rebase-applied',
          `revision '${id}' is applied in the database${database.name ? ` '${database.name}'` : ''} (at ${database.heads.map((h) => `'${h}'`).join(', ')}); downgrade it there first, or merge instead of rebasing`,
        )
      }
    }
  }

  const parents = target === undefined ? [] : [target]
  const text = readFileSync(path, 'utf8')
  const rewritten =
    path.endsWith('.yaml') || path.endsWith('.yml')
      ? rewriteYaml(text, parents)
      : rewriteScript(text, parents, path)
  const header = readHeader(rewritten, path)
  const updated = createRevision(header, path)
  if (updated.id !== id || updated.downRevisions.join() !== parents.join()) {
    throw new RetortError(
      'rebase-file',
      `could not rewrite the downRevision of '${path}' safely; edit it by hand to ${parents.length === 0 ? 'null' : `'${parents[0]}'`}`,
    )
  }
  // The graph with the new edge checks that it is still valid before anything is written.
  const next = new RevisionMap(loaded.source.revisions.map((r) => (r.id === id ? updated : r)))
  writeFileSync(path, rewritten)
  return {
    revision: revisionInfo(next, next.get(id)!),
    previousDownRevisions: revision.downRevisions,
    path,
    databaseChecked: check,
  }
}

function single(map: RevisionMap, identifier: string, what: string): string {
  const target = map.resolve(identifier)
  const ids = target.kind === 'revisions' ? target.ids : target.kind === 'heads' ? map.heads : []
  if (ids.length !== 1) {
    throw new RetortError(
      'resolution',
      `${what} '${identifier}' must name one revision, not ${ids.length === 0 ? 'base' : ids.map((i) => `'${i}'`).join(', ')}`,
    )
  }
  return ids[0]!
}

/** The `export const downRevision = <literal>` (or `exports.downRevision =`) statement. */
const SCRIPT_DOWN_REVISION =
  /^((?:export\s+const|(?:module\.)?exports\.)\s*downRevision\b[^=\n]*=\s*)(null|'[^'\n]*'|"[^"\n]*"|`[^`$]*`|\[[^\]]*\])/m

function rewriteScript(text: string, parents: readonly string[], path: string): string {
  if (!SCRIPT_DOWN_REVISION.test(text)) {
    throw new RetortError(
      'rebase-file',
      `'${path}' has no 'export const downRevision = ...' line that can be rewritten; edit it by hand`,
    )
  }
  const value = parents.length === 0 ? 'null' : `'${parents[0]}'`
  return text.replace(SCRIPT_DOWN_REVISION, (_all, head: string) => `${head}${value}`)
}

function rewriteYaml(text: string, parents: readonly string[]): string {
  const document = parseDocument(text)
  if (parents.length === 0) {
    document.set('downRevision', null)
  } else {
    const quoted = yamlId(parents[0]!) !== parents[0]
    const node = new Scalar(parents[0])
    if (quoted) node.type = Scalar.QUOTE_SINGLE
    document.set('downRevision', node)
  }
  return document.toString()
}
