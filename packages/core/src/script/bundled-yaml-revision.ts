import type { RevisionHeader, RevisionModule } from '../revision.js'
import { yamlValueBody } from '../operations/yaml-value-body.js'
import { rememberYamlText } from './module-text.js'

/**
 * A revision module built from a YAML revision that was parsed when the migrations index
 * was generated: its header, the parsed value of the file and the file's text (what its
 * checksum covers). The index written by `generateMigrationsIndex` uses it so that a bundled
 * application carries its YAML revisions as data and not the YAML parser; the file was
 * checked, with line numbers, when the index was generated. Errors are
 * `RevisionFileError`s naming `path`.
 *
 * @example
 * ```ts
 * const r1 = bundledYamlRevision(
 *   { revision: 'a1', downRevision: null },
 *   { revision: 'a1', downRevision: null, upgrade: [{ dropTable: { name: 'old' } }], downgrade: [] },
 *   'revision: a1\ndownRevision: null\nupgrade:\n  - dropTable: { name: old }\ndowngrade: []\n',
 *   'versions/a1.yaml',
 * )
 * ```
 */
export function bundledYamlRevision(
  header: RevisionHeader,
  value: unknown,
  text: string,
  path: string,
): RevisionModule {
  const body = yamlValueBody(value, path)
  const module = Object.freeze({ ...header, upgrade: body.upgrade, downgrade: body.downgrade })
  rememberYamlText(module, text)
  return module
}
