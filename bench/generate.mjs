// Generates revision script directories for the benchmark.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

/** Ids that sort like their creation order and are valid revision ids. */
export const revId = (n) => `r${String(n).padStart(6, '0')}`

/**
 * The shape of a graph of `count` revisions as [id, parents[]] in creation order.
 * linear: a single line. branchy: every 10 revisions, two parallel lines of 5 that merge.
 */
export function shape(kind, count) {
  const revisions = []
  if (kind === 'linear') {
    for (let i = 0; i < count; i++) revisions.push([revId(i), i === 0 ? [] : [revId(i - 1)]])
    return revisions
  }
  // branchy: base b, then lines a1..a4 and c1..c4 from b, merged by m: 10 revisions a block.
  let tip = null
  let n = 0
  while (n < count) {
    const take = (parents) => {
      const id = revId(n++)
      revisions.push([id, parents])
      return id
    }
    const root = take(tip ? [tip] : [])
    if (n + 9 > count) {
      tip = root
      while (n < count) tip = take([tip])
      break
    }
    let a = root
    let c = root
    for (let i = 0; i < 4; i++) a = take([a])
    for (let i = 0; i < 4; i++) c = take([c])
    tip = take([a, c])
  }
  return revisions
}

/** Writes a script directory; `format` is 'ts' or 'mjs'; bodies create one small table each. */
export function writeScriptDirectory(dir, revisions, format = 'ts') {
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(join(dir, 'versions'), { recursive: true })
  for (const [id, parents] of revisions) {
    const down =
      parents.length === 0
        ? 'null'
        : parents.length === 1
          ? `'${parents[0]}'`
          : `[${parents.map((p) => `'${p}'`).join(', ')}]`
    const typed = format === 'ts'
    const text = `${typed ? "import type { Operations } from '@retort/core'\n\n" : ''}export const revision = '${id}'
export const downRevision = ${down}
export const message = 'create table t_${id}'

export async function upgrade(op${typed ? ': Operations' : ''}) {
  op.createTable('t_${id}', [op.column('id', 'integer', { primaryKey: true }), op.column('name', 'string', { length: 50 })])
}

export async function downgrade(op${typed ? ': Operations' : ''}) {
  op.dropTable('t_${id}')
}
`
    writeFileSync(join(dir, 'versions', `${id}_create_t.${format}`), text)
  }
}

/** Writes a script directory of YAML revisions with the same bodies as writeScriptDirectory. */
export function writeYamlScriptDirectory(dir, revisions) {
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(join(dir, 'versions'), { recursive: true })
  for (const [id, parents] of revisions) {
    const down =
      parents.length === 0 ? 'null' : parents.length === 1 ? parents[0] : `[${parents.join(', ')}]`
    writeFileSync(
      join(dir, 'versions', `${id}_create_t.yaml`),
      `revision: ${id}
downRevision: ${down}
message: create table t_${id}
upgrade:
  - createTable:
      name: t_${id}
      columns:
        - { name: id, type: integer, primaryKey: true }
        - { name: name, type: string, length: 50 }
`,
    )
  }
}

/** The same revisions as in-memory modules (what a bundled application passes). */
export function moduleList(revisions) {
  return revisions.map(([id, parents]) => ({
    revision: id,
    downRevision: parents.length === 0 ? null : parents.length === 1 ? parents[0] : parents,
    message: `create table t_${id}`,
    upgrade(op) {
      op.createTable(`t_${id}`, [
        op.column('id', 'integer', { primaryKey: true }),
        op.column('name', 'string', { length: 50 }),
      ])
    },
    downgrade(op) {
      op.dropTable(`t_${id}`)
    },
  }))
}
