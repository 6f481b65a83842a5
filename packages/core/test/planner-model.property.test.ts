import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ResolutionError } from '../src/errors.js'
import {
  planDowngrade,
  planStamp,
  planUpgrade,
  type MigrationStep,
  type Plan,
  type StampStep,
} from '../src/graph/planner.js'
import type { RowChange } from '../src/graph/version-rows.js'
import { RevisionMap } from '../src/graph/revision-map.js'
import { rev } from './helpers/graphs.js'
import {
  ReferenceModel,
  type ModelOutcome,
  type ModelRevision,
  type TargetForm,
} from './helpers/reference-model.js'

/**
 * The planner against the reference model (helpers/reference-model.ts) on random graphs of
 * up to 40 revisions, from states reached by random earlier commands, for every target form.
 * Every command of a case is checked: refused exactly when the model refuses (with a
 * one-line ResolutionError), otherwise the revisions run, their order, the row changes and
 * the rows at the end. A failure prints fast-check's seed and path and the counterexample;
 * keep the counterexample in `found` below.
 */

const CASES = 20_000

type Kind = 'upgrade' | 'downgrade' | 'stamp'

interface Command {
  readonly kind: Kind
  readonly target: TargetForm
  readonly purge?: boolean
}

/** A revision of a scenario; `dependsOn` as the file writes it (an id, a prefix or a label). */
interface ScenarioRevision {
  readonly id: string
  readonly parents: readonly string[]
  readonly dependsOn?: readonly { readonly written: string; readonly id: string }[]
  readonly label?: string
}

function textOf(target: TargetForm): string {
  switch (target.form) {
    case 'rev':
      return target.ref
    case 'revUp':
      return `${target.ref}+${target.n}`
    case 'revMinus':
      return `${target.ref}-${target.n}`
    case 'headMinus':
      return `head-${target.n}`
    case 'head':
    case 'heads':
    case 'base':
    case 'current':
      return target.form
    case 'labelHead':
      return `${target.label}@head`
    case 'labelBase':
      return `${target.label}@base`
    case 'up':
      return `+${target.n}`
    case 'down':
      return `-${target.n}`
    case 'branchDown':
      return `${target.on}@-${target.n}`
  }
}

/** The name a target form is counted under (the forms the planner must get right). */
function formName(target: TargetForm, model: ReferenceModel): string {
  switch (target.form) {
    case 'rev':
      if (model.labels.has(target.ref)) return 'LABEL'
      return model.ids.includes(target.ref) ? 'REV' : 'partial id'
    case 'branchDown':
      return model.labels.has(target.on) ? 'LABEL@-N' : 'REV@-N'
    default:
      return {
        revUp: 'REV+N',
        revMinus: 'REV-N',
        headMinus: 'head-N',
        head: 'head',
        heads: 'heads',
        base: 'base',
        current: 'current',
        labelHead: 'LABEL@head',
        labelBase: 'LABEL@base',
        up: '+N',
        down: '-N',
      }[target.form]
  }
}

// ---------------------------------------------------------------------------------------
// Checking one command

/** Counts of what the cases exercised, to show the generator reaches every form. */
const tally = new Map<string, number>()
const count = (key: string) => tally.set(key, (tally.get(key) ?? 0) + 1)

function fail(message: string): never {
  throw new Error(message)
}

const list = (ids: Iterable<string>) => `[${[...ids].sort().join(', ')}]`

function sameSet(a: Iterable<string>, b: ReadonlySet<string>): boolean {
  const left = new Set(a)
  if (left.size !== b.size) return false
  for (const id of left) if (!b.has(id)) return false
  return true
}

/** Applies row changes the way the version table does: each must match exactly one row. */
function applyChanges(table: Set<string>, changes: readonly RowChange[], what: string): void {
  for (const change of changes) {
    const ok =
      change.op === 'insert'
        ? !table.has(change.revision)
        : change.op === 'delete'
          ? table.has(change.revision)
          : table.has(change.from) && !table.has(change.to)
    if (!ok)
      fail(`${what}: row change ${JSON.stringify(change)} does not match one row of ${list(table)}`)
    if (change.op === 'insert') table.add(change.revision)
    else if (change.op === 'delete') table.delete(change.revision)
    else {
      table.delete(change.from)
      table.add(change.to)
    }
  }
}

function runPlanner(
  map: RevisionMap,
  rows: readonly string[],
  command: Command,
): Plan<MigrationStep> | Plan<StampStep> {
  const text = textOf(command.target)
  switch (command.kind) {
    case 'upgrade':
      return planUpgrade(map, rows, text)
    case 'downgrade':
      return planDowngrade(map, rows, text)
    case 'stamp':
      return planStamp(map, rows, text, { purge: command.purge ?? false })
  }
}

/** Checks one command against the model; returns the rows after it. */
function checkCommand(
  map: RevisionMap,
  model: ReferenceModel,
  rows: readonly string[],
  command: Command,
): readonly string[] {
  const what = `${command.kind}${command.purge ? ' --purge' : ''} '${textOf(command.target)}' from rows ${list(rows)}`
  const expected: ModelOutcome =
    command.kind === 'stamp'
      ? model.stamp(rows, command.target, command.purge ?? false)
      : model[command.kind](rows, command.target)
  let plan: Plan<MigrationStep> | Plan<StampStep> | undefined
  let error: unknown
  try {
    plan = runPlanner(map, rows, command)
  } catch (thrown) {
    error = thrown
  }
  const name = `${command.kind} ${formName(command.target, model)}`
  if (expected.kind === 'refused') {
    if (plan !== undefined)
      fail(
        `${what}: the model refuses it (${expected.why}) but the planner ran ${plan.steps.length} step(s) to ${list(plan.after)}`,
      )
    if (!(error instanceof ResolutionError)) throw error
    if (/[\r\n]/.test(error.message)) fail(`${what}: the error is not one line: ${error.message}`)
    count(`${name}: refused`)
    return rows
  }
  if (plan === undefined) {
    if (error instanceof ResolutionError)
      fail(
        `${what}: the model ends at rows ${list(expected.rows)} but the planner refused: ${error.message}`,
      )
    throw error
  }
  if (plan.before.join() !== rows.join()) fail(`${what}: plan.before is ${list(plan.before)}`)
  if (new Set(plan.after).size !== plan.after.length) fail(`${what}: plan.after repeats a row`)

  if (command.kind === 'stamp') {
    const table = new Set(command.purge ? [] : rows)
    for (const step of plan.steps) {
      if (step.kind !== 'stamp') fail(`${what}: a stamp ran a migration`)
      if (step.purge !== (command.purge ?? false)) fail(`${what}: purge flag ${step.purge}`)
      applyChanges(table, step.rows, what)
    }
    if (!sameSet(table, expected.rows))
      fail(`${what}: the row changes leave ${list(table)}, the model ${list(expected.rows)}`)
  } else {
    const up = command.kind === 'upgrade'
    const applied = model.ancestors(rows)
    const table = new Set(rows)
    for (const step of plan.steps) {
      if (step.kind !== 'migration') fail(`${what}: a migration plan has a stamp step`)
      const id = step.revision.id
      if (step.direction !== (up ? 'up' : 'down')) fail(`${what}: '${id}' runs ${step.direction}`)
      if (!expected.changed.has(id))
        fail(`${what}: runs '${id}', outside the model's ${list(expected.changed)}`)
      if (up) {
        if (applied.has(id)) fail(`${what}: applies '${id}' twice`)
        for (const need of model.needs(id))
          if (!applied.has(need)) fail(`${what}: applies '${id}' before '${need}'`)
        applied.add(id)
      } else {
        if (!applied.has(id)) fail(`${what}: un-applies '${id}', which is not applied`)
        applied.delete(id)
        for (const other of model.neededBy(id))
          if (applied.has(other)) fail(`${what}: un-applies '${id}' while '${other}' needs it`)
      }
      applyChanges(table, step.rows, what)
      const rowsNow = model.rowsOf(applied)
      if (!sameSet(table, rowsNow))
        fail(
          `${what}: after '${id}' the rows are ${list(table)}, the maximal applied ${list(rowsNow)}`,
        )
    }
    if (!sameSet(applied, expected.applied))
      fail(`${what}: ends with applied ${list(applied)}, the model ${list(expected.applied)}`)
    if (plan.steps.length !== expected.changed.size)
      fail(`${what}: runs ${plan.steps.length} revision(s), the model ${list(expected.changed)}`)
  }
  if (!sameSet(plan.after, expected.rows))
    fail(`${what}: plan.after is ${list(plan.after)}, the model ${list(expected.rows)}`)

  count(
    `${name}: ${expected.changed.size > 0 || !sameSet(rows, expected.rows) ? 'changed' : 'no-op'}`,
  )
  if (command.kind === 'downgrade' && expected.changed.size > 0)
    noteDowngrade(model, rows, command, expected)
  return plan.after
}

/** Counts the situations issue 16 is about, when a case reaches them. */
function noteDowngrade(
  model: ReferenceModel,
  rows: readonly string[],
  command: Command,
  outcome: ModelOutcome & { kind: 'done' },
): void {
  const form = command.target.form
  if (form !== 'down' && form !== 'branchDown') return
  if (rows.some((row) => outcome.rows.has(row))) count('relative downgrade: another row kept')
  const keptDependency = [...outcome.changed].some((id) =>
    model.needs(id).some((need) => outcome.applied.has(need) && !model.above([need]).has(id)),
  )
  if (keptDependency) count('relative downgrade: a dependency of a removed revision kept')
  if (command.target.n === 1 && outcome.changed.size === 1 && rows.length === 1) {
    const [only] = outcome.changed
    if (model.parents(only!).length > 1) count('-1 / REV@-1: a merge alone')
  }
}

// ---------------------------------------------------------------------------------------
// Scenarios

function modelOf(revisions: readonly ScenarioRevision[]): ReferenceModel {
  return new ReferenceModel(
    revisions.map((r): ModelRevision => ({
      id: r.id,
      parents: r.parents,
      dependsOn: (r.dependsOn ?? []).map((d) => d.id),
      label: r.label,
    })),
  )
}

function mapOf(revisions: readonly ScenarioRevision[]): RevisionMap {
  return new RevisionMap(
    revisions.map((r) =>
      rev(r.id, r.parents, {
        dependsOn: (r.dependsOn ?? []).map((d) => d.written),
        labels: r.label === undefined ? [] : [r.label],
      }),
    ),
  )
}

/** Runs commands from an empty database, checking each; returns the rows at the end. */
function checkScenario(
  revisions: readonly ScenarioRevision[],
  commands: readonly Command[],
): readonly string[] {
  const map = mapOf(revisions)
  const model = modelOf(revisions)
  let rows: readonly string[] = []
  for (const command of commands) rows = checkCommand(map, model, rows, command)
  return rows
}

// ---------------------------------------------------------------------------------------
// Random cases: graphs and commands as plain numbers, read once the graph and rows are known

/** [shape, parent a, parent b, dependency kind, dependency pick, written as, label, id group] */
type RawNode = readonly [number, number, number, number, number, number, number, number]
/** [kind, form, pick a, pick b, steps 1-4, purge] */
type RawCommand = readonly [number, number, number, number, number, number]
interface RawCase {
  readonly nodes: readonly RawNode[]
  readonly reversed: boolean
  readonly commands: readonly RawCommand[]
}

const GROUPS = ['0a0a', 'a11c', 'b0b0', 'c0de']

const rawNode = fc.tuple(
  fc.nat(99),
  fc.nat(1023),
  fc.nat(1023),
  fc.nat(99),
  fc.nat(1023),
  fc.nat(3),
  fc.nat(99),
  fc.nat(3),
)
const rawCommand = fc.tuple(
  fc.nat(99),
  fc.nat(99),
  fc.nat(1023),
  fc.nat(1023),
  fc.integer({ min: 1, max: 4 }),
  fc.nat(9),
)
const rawCase: fc.Arbitrary<RawCase> = fc.record({
  // fast-check keeps arrays short by default: a share of the graphs is made large on purpose.
  nodes: fc.oneof(
    { weight: 3, arbitrary: fc.array(rawNode, { minLength: 1, maxLength: 40 }) },
    { weight: 1, arbitrary: fc.array(rawNode, { minLength: 20, maxLength: 40, size: 'max' }) },
  ),
  reversed: fc.boolean(),
  commands: fc.array(rawCommand, { minLength: 1, maxLength: 6 }),
})

/**
 * Mostly lines, with branch points, new roots, merges of two or three, `dependsOn` on one or
 * two earlier revisions (written as the id, a 6-character prefix or the label), labels, and
 * ids that share 4-character prefixes.
 */
function graphOf(raw: RawCase): ScenarioRevision[] {
  const revisions: ScenarioRevision[] = []
  raw.nodes.forEach(([shape, a, b, depKind, depPick, written, labelled, group], i) => {
    const id = `${GROUPS[group]}${i.toString(16).padStart(2, '0')}000000`
    let parents: string[] = []
    if (i > 0) {
      const pick = (n: number) => revisions[n % i]!.id
      if (shape < 40) parents = [revisions[i - 1]!.id]
      else if (shape < 62) parents = [pick(a)]
      else if (shape < 72) parents = []
      else if (shape < 94) parents = [...new Set([pick(a), pick(b)])]
      else parents = [...new Set([pick(a), pick(b), pick(a + b + 1)])]
    }
    const dependsOn: { written: string; id: string }[] = []
    if (i > 0 && depKind < 27) {
      const picks = depKind < 22 ? [depPick] : [depPick, depPick >> 3]
      for (const p of picks) {
        const target = revisions[p % i]!
        if (parents.includes(target.id) || dependsOn.some((d) => d.id === target.id)) continue
        const text =
          written === 1 && target.label !== undefined
            ? target.label
            : written === 2
              ? target.id.slice(0, 6)
              : target.id
        dependsOn.push({ written: text, id: target.id })
      }
    }
    revisions.push({
      id,
      parents,
      dependsOn,
      ...(labelled < 22 ? { label: `lab${i}` } : {}),
    })
  })
  return raw.reversed ? revisions.reverse() : revisions
}

/** Reads a raw command against the graph and the database's rows. */
function commandOf(
  raw: RawCommand,
  model: ReferenceModel,
  rows: readonly string[],
  first: boolean,
): Command {
  const [k, f, a, b, n, purge] = raw
  // The first command mostly applies something, so that later ones have rows to work on.
  const kind: Kind = first
    ? k < 85
      ? 'upgrade'
      : k < 95
        ? 'stamp'
        : 'downgrade'
    : k < 35
      ? 'upgrade'
      : k < 80
        ? 'downgrade'
        : 'stamp'
  const ids = model.ids
  const applied = [...model.ancestors(rows)]
  const any = ids[a % ids.length]!
  const appliedOrAny =
    kind !== 'upgrade' && applied.length > 0 && a % 10 < 8 ? applied[a % applied.length]! : any
  const rowOrApplied = rows.length > 0 && b % 10 < 6 ? rows[b % rows.length]! : appliedOrAny
  const labelOf = new Map([...model.labels].map(([label, id]) => [id, label]))
  const refText = (id: string) => {
    const how = b % 10
    if (how === 7) return id.slice(0, 6)
    if (how === 8) return id.slice(0, 4)
    if (how === 9) return labelOf.get(id) ?? id
    return id
  }
  /** A label, mostly one whose branch holds a row. */
  const pickLabel = (): string | undefined => {
    const labels = [...model.labels.keys()]
    const covering = labels.filter((l) => {
      const members = model.members(l)
      return rows.some((row) => members.has(row))
    })
    if (covering.length > 0 && b % 3 !== 0) return covering[b % covering.length]
    return labels.length > 0 ? labels[b % labels.length] : undefined
  }
  const target = ((): TargetForm => {
    if (first && f < 30) return { form: 'heads' }
    if (f < 10) return { form: 'rev', ref: appliedOrAny }
    if (f < 16) return { form: 'rev', ref: appliedOrAny.slice(0, [4, 4, 6, 6, 3][b % 5]) }
    if (f < 20) return { form: 'rev', ref: pickLabel() ?? any }
    if (f < 26) return { form: 'revUp', ref: refText(appliedOrAny), n }
    if (f < 30) return { form: 'revMinus', ref: refText(rowOrApplied), n }
    if (f < 35) return { form: 'headMinus', n }
    if (f < 38) return { form: 'head' }
    if (f < 46) return { form: 'heads' }
    if (f < 50) return { form: 'base' }
    if (f < 52) return { form: 'current' }
    if (f < 58) {
      const label = pickLabel()
      if (label !== undefined) return { form: f < 55 ? 'labelHead' : 'labelBase', label }
    }
    if (f < 63) return { form: 'up', n }
    if (f < 77) return { form: 'down', n: n > 2 && b % 2 === 0 ? n - 2 : n }
    const label = f < 89 ? undefined : pickLabel()
    return { form: 'branchDown', on: label ?? refText(rowOrApplied), n }
  })()
  return { kind, target, ...(kind === 'stamp' && purge === 0 ? { purge: true } : {}) }
}

function checkRawCase(raw: RawCase): void {
  const revisions = graphOf(raw)
  noteGraph(revisions)
  const map = mapOf(revisions)
  const model = modelOf(revisions)
  let rows: readonly string[] = []
  raw.commands.forEach((rawCommand, i) => {
    rows = checkCommand(map, model, rows, commandOf(rawCommand, model, rows, i === 0))
  })
}

/** Counts the kinds of graph the cases run on. */
function noteGraph(revisions: readonly ScenarioRevision[]): void {
  const children = new Map<string, number>()
  for (const r of revisions) for (const p of r.parents) children.set(p, (children.get(p) ?? 0) + 1)
  if (revisions.filter((r) => r.parents.length === 0).length > 1) count('graph: several bases')
  if (revisions.some((r) => r.parents.length > 1)) count('graph: a merge')
  if ([...children.values()].some((n) => n > 1)) count('graph: a branch point')
  if (revisions.some((r) => r.label !== undefined)) count('graph: a label')
  const written = revisions.flatMap((r) => (r.dependsOn ?? []).map((d) => d.written))
  if (written.some((w) => w.startsWith('lab'))) count('graph: dependsOn a label')
  if (written.some((w) => w.length === 6)) count('graph: dependsOn a prefix')
  if (written.some((w) => w.length === 12)) count('graph: dependsOn an id')
  if (revisions.length > 30) count('graph: over 30 revisions')
}

// ---------------------------------------------------------------------------------------
// Named cases, run every time

const alice = 'a11ce0000001'
const bob = 'b0b000000001'
const trunk = '0a0a0a0a0a0a'
const aliceAndBob: ScenarioRevision[] = [
  { id: trunk, parents: [] },
  { id: alice, parents: [trunk] },
  { id: bob, parents: [trunk], label: 'bobfeat' },
]
/** R with parent P and `dependsOn` D, D another child of P. */
const dependsOnSibling: ScenarioRevision[] = [
  { id: 'p00000000000', parents: [] },
  { id: 'd00000000000', parents: ['p00000000000'] },
  {
    id: 'r00000000000',
    parents: ['p00000000000'],
    dependsOn: [{ written: 'd000', id: 'd00000000000' }],
  },
]
const mergeOfTwo: ScenarioRevision[] = [
  ...aliceAndBob,
  { id: 'ee0000000001', parents: [alice, bob] },
]

const upgradeHeads: Command = { kind: 'upgrade', target: { form: 'heads' } }

interface Regression {
  readonly name: string
  readonly revisions: readonly ScenarioRevision[]
  readonly commands: readonly Command[]
  /** Rows at the end (any order). */
  readonly rows: readonly string[]
}

/** Hand-written cases of the rules, and counterexamples the random cases once found. */
const regressions: readonly Regression[] = [
  {
    name: 'alice/bob: bobfeat@-1 takes bob alone',
    revisions: aliceAndBob,
    commands: [
      upgradeHeads,
      { kind: 'downgrade', target: { form: 'branchDown', on: 'bobfeat', n: 1 } },
    ],
    rows: [alice],
  },
  {
    name: 'alice/bob: b0b0...@-1 takes bob alone',
    revisions: aliceAndBob,
    commands: [upgradeHeads, { kind: 'downgrade', target: { form: 'branchDown', on: bob, n: 1 } }],
    rows: [alice],
  },
  {
    name: "alice/bob: stamp bobfeat@-1 keeps alice's row",
    revisions: aliceAndBob,
    commands: [
      upgradeHeads,
      { kind: 'stamp', target: { form: 'branchDown', on: 'bobfeat', n: 1 } },
    ],
    rows: [alice],
  },
  {
    name: 'alice/bob: the absolute 0a0a takes both branches',
    revisions: aliceAndBob,
    commands: [upgradeHeads, { kind: 'downgrade', target: { form: 'rev', ref: '0a0a' } }],
    rows: [trunk],
  },
  {
    name: 'alice/bob: -1 from two rows is refused',
    revisions: aliceAndBob,
    commands: [upgradeHeads, { kind: 'downgrade', target: { form: 'down', n: 1 } }],
    rows: [alice, bob],
  },
  {
    name: 'R/P/D: -1 takes R alone and D becomes the row',
    revisions: dependsOnSibling,
    commands: [upgradeHeads, { kind: 'downgrade', target: { form: 'down', n: 1 } }],
    rows: ['d00000000000'],
  },
  {
    name: 'merge row: -1 takes the merge alone',
    revisions: mergeOfTwo,
    commands: [upgradeHeads, { kind: 'downgrade', target: { form: 'down', n: 1 } }],
    rows: [alice, bob],
  },
  {
    name: 'merge row: -2 is ambiguous below the merge',
    revisions: mergeOfTwo,
    commands: [upgradeHeads, { kind: 'downgrade', target: { form: 'down', n: 2 } }],
    rows: ['ee0000000001'],
  },
  {
    name: "merge row: bobfeat@-2 goes down bob's side",
    revisions: mergeOfTwo,
    commands: [
      upgradeHeads,
      { kind: 'downgrade', target: { form: 'branchDown', on: 'bobfeat', n: 2 } },
    ],
    rows: [alice],
  },
  {
    name: 'stamp heads with a head another depends on',
    revisions: [
      { id: 'aaaa00000001', parents: [] },
      { id: 'dddd00000001', parents: [] },
      {
        id: 'rrrr00000001',
        parents: ['aaaa00000001'],
        dependsOn: [{ written: 'dddd00000001', id: 'dddd00000001' }],
      },
    ],
    commands: [{ kind: 'stamp', target: { form: 'heads' } }],
    rows: ['rrrr00000001'],
  },
]

/**
 * Counterexamples the random cases printed, kept as fast-check printed them. The value
 * replays always; the seed and path only with the generators of the day they were found
 * (`{ seed, path }` as options of the `fc.assert` below).
 */
const found: readonly { name: string; seed: number; path?: string; value: RawCase }[] = [
  {
    // Found when the planner also took what was above where the move ended.
    name: '-2 from above a merge takes that revision and the merge alone',
    seed: -120174186,
    path: '15:2:1:1:1:1:1:1:1:3:3:3:3:3:3:3:8:5:11:6:6:6:6:6:6:6:6:6:6:6:6:6:8:7:7:7:7:7:9:11:8:15:10:10:11:11:11:11:11:11:11',
    value: {
      nodes: [
        [0, 0, 0, 0, 0, 0, 0, 0],
        [0, 0, 0, 0, 0, 0, 0, 0],
        [72, 691, 0, 0, 0, 0, 0, 0],
        [0, 0, 0, 0, 0, 0, 0, 0],
      ],
      reversed: false,
      commands: [
        [0, 0, 0, 0, 1, 0],
        [35, 63, 0, 0, 2, 0],
        [0, 0, 0, 0, 1, 0],
      ],
    },
  },
  {
    // Found when the planner took the other branches above where REV@-N ended (with an
    // earlier generator of graph sizes: the seed no longer replays it).
    name: 'REV@-4 down one branch keeps the sibling branch',
    seed: 269844028,
    value: {
      nodes: [
        [0, 0, 0, 0, 0, 0, 0, 0],
        [0, 0, 0, 0, 0, 0, 0, 0],
        [40, 0, 0, 0, 0, 0, 0, 0],
        [0, 0, 0, 0, 0, 0, 0, 0],
        [0, 0, 0, 0, 0, 0, 0, 0],
        [0, 0, 0, 0, 0, 0, 0, 0],
      ],
      reversed: false,
      commands: [
        [0, 0, 0, 0, 1, 0],
        [35, 77, 0, 21, 4, 0],
      ],
    },
  },
  {
    // Found when the planner also took what the revisions passed over depend on.
    name: '-1 keeps what the removed revision depends on',
    seed: 1607098956,
    path: '57:1:0:1:1:1:1:1:1:2:3:1:1:7:3:4:4:4:4:4:4:1:1:3:3:3:3:3:3:3:3:6:5:5:5:5:5:5:2:2:2:2:4:4:5:6:5:4:4:5:5:5:5',
    value: {
      nodes: [
        [0, 0, 0, 0, 0, 0, 0, 0],
        [0, 0, 0, 0, 0, 0, 0, 0],
        [0, 0, 0, 0, 0, 0, 0, 0],
      ],
      reversed: false,
      commands: [
        [0, 0, 0, 0, 1, 0],
        [35, 63, 0, 0, 1, 0],
      ],
    },
  },
]

describe('the planner against the reference model', () => {
  it.each(regressions)('$name', ({ revisions, commands, rows }) => {
    expect([...checkScenario(revisions, commands)].sort()).toEqual([...rows].sort())
  })

  it.each(found)('found: $name (seed $seed)', ({ value }) => {
    checkRawCase(value)
  })

  it(`${CASES} random graphs, states and targets agree with the model`, () => {
    tally.clear()
    fc.assert(fc.property(rawCase, checkRawCase), { numRuns: CASES })
    // Every form was exercised for real (not only refused), and the cases reached the
    // situations the downgrade rules are about.
    const changed = (name: string) =>
      (tally.get(`downgrade ${name}: changed`) ?? 0) +
      (tally.get(`upgrade ${name}: changed`) ?? 0) +
      (tally.get(`stamp ${name}: changed`) ?? 0)
    const names = [
      'REV',
      'partial id',
      'LABEL',
      'REV+N',
      'REV-N',
      'head-N',
      'head',
      'heads',
      'base',
      'LABEL@head',
      'LABEL@base',
      '+N',
      '-N',
      'REV@-N',
      'LABEL@-N',
    ]
    for (const name of names) expect(changed(name), name).toBeGreaterThan(0)
    for (const name of ['-N', 'REV@-N', 'LABEL@-N', 'REV', 'base', 'partial id', 'REV+N', 'head-N'])
      expect(tally.get(`downgrade ${name}: changed`) ?? 0, `downgrade ${name}`).toBeGreaterThan(0)
    for (const name of ['-N', 'REV@-N', 'LABEL@-N', 'partial id', 'REV+N', 'head-N'])
      expect(
        tally.get(`downgrade ${name}: refused`) ?? 0,
        `downgrade ${name} refused`,
      ).toBeGreaterThan(0)
    for (const situation of [
      'graph: several bases',
      'graph: a merge',
      'graph: a branch point',
      'graph: a label',
      'graph: dependsOn a label',
      'graph: dependsOn a prefix',
      'graph: dependsOn an id',
      'graph: over 30 revisions',
      'relative downgrade: another row kept',
      'relative downgrade: a dependency of a removed revision kept',
      '-1 / REV@-1: a merge alone',
    ])
      expect(tally.get(situation) ?? 0, situation).toBeGreaterThan(0)
  })
})
