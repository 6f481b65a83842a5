// Whole-process cases: `retort upgrade head` on .ts files with an empty and a filled compile
// cache and on .mjs files, next to the same DDL run directly (the floor) and to Alembic.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Operations } from '@retort/core'
import { sqliteDialect } from '@retort/dialect-sqlite'
import { clearAlembicBytecode, writeAlembicProject } from './alembic.mjs'
import { moduleList, writeScriptDirectory, writeYamlScriptDirectory } from './generate.mjs'

const here = dirname(fileURLToPath(import.meta.url))
export const retortBin = join(here, '..', 'packages', 'cli', 'dist', 'bin.js')
const GNU_TIME = '/usr/bin/time'

/**
 * Runs `command args` in `cwd` to the end; its wall seconds, CPU seconds (user + system) and
 * peak RSS in MB (the last two from GNU time when it is installed, else NaN). Throws with its
 * stderr when it fails.
 */
export function timeProcess(command, args, cwd, env = process.env) {
  const report = join(cwd, '.time-report')
  const withTime = existsSync(GNU_TIME)
  const start = performance.now()
  const run = withTime
    ? spawnSync(GNU_TIME, ['-f', '%e %M %U %S', '-o', report, command, ...args], {
        cwd,
        env,
        encoding: 'utf8',
        maxBuffer: 1 << 28,
      })
    : spawnSync(command, args, { cwd, env, encoding: 'utf8', maxBuffer: 1 << 28 })
  const wall = (performance.now() - start) / 1000
  if (run.status !== 0) {
    throw new Error(
      `${command} ${args.join(' ')} failed in ${cwd}:\n${(run.stderr ?? '').slice(-2000)}`,
    )
  }
  if (!withTime) return { seconds: wall, peakMb: Number.NaN, cpu: Number.NaN }
  const [seconds, kb, user, system] = readFileSync(report, 'utf8')
    .trim()
    .split('\n')
    .pop()
    .split(' ')
    .map(Number)
  return { seconds: Math.max(seconds, 0.01), peakMb: kb / 1024, cpu: user + system }
}

/** The same DDL as the revisions' upgrades, compiled for SQLite, as JSON for the floor. */
function writeFloorStatements(file, revisions) {
  const compiler = sqliteDialect({ filename: ':memory:' }).createCompiler()
  const ddl = moduleList(revisions).map((module) => {
    const op = new Operations({ dialect: 'sqlite', offline: true })
    module.upgrade(op)
    return op.takePending().flatMap((operation) => compiler.compile(operation))
  })
  writeFileSync(file, JSON.stringify(ddl))
}

/**
 * A Retort project: retort.yaml (plus `config` lines), migrations/ in `format` (ts, mjs or
 * yaml), and node_modules/ for the cache.
 */
function writeRetortProject(dir, revisions, format, config = '') {
  rmSync(dir, { recursive: true, force: true })
  if (format === 'yaml') writeYamlScriptDirectory(join(dir, 'migrations'), revisions)
  else writeScriptDirectory(join(dir, 'migrations'), revisions, format)
  writeFileSync(
    join(dir, 'retort.yaml'),
    `scriptLocation: migrations\nurl: sqlite:///app.db\n${config}`,
  )
  // The compile cache goes to the nearest node_modules/.cache/retort, as in a real project.
  mkdirSync(join(dir, 'node_modules'))
}

/**
 * The cases of `upgrade head` on `revisions`, measured `runs` times each in rotation (so a
 * drift of the machine's speed hits every case alike); the median of each.
 * `alembic`: the result of findAlembic(), or undefined.
 */
export function measureFirstRun(work, revisions, runs, alembic) {
  mkdirSync(work, { recursive: true })
  const ts = join(work, 'retort-ts')
  const js = join(work, 'retort-mjs')
  const floor = join(work, 'floor')
  writeRetortProject(ts, revisions, 'ts')
  writeRetortProject(js, revisions, 'mjs')
  mkdirSync(floor, { recursive: true })
  writeFloorStatements(join(floor, 'ddl.json'), revisions)
  const node = process.execPath
  const cases = [
    [
      'floor',
      () => {
        rmSync(join(floor, 'app.db'), { force: true })
        return timeProcess(node, [join(here, 'ddl-floor-process.mjs'), 'ddl.json', 'app.db'], floor)
      },
    ],
    [
      '.mjs',
      () => {
        rmSync(join(js, 'app.db'), { force: true })
        return timeProcess(node, [retortBin, 'upgrade', 'head'], js)
      },
    ],
    [
      '.ts cold',
      () => {
        rmSync(join(ts, 'app.db'), { force: true })
        rmSync(join(ts, 'node_modules', '.cache'), { recursive: true, force: true })
        return timeProcess(node, [retortBin, 'upgrade', 'head'], ts)
      },
    ],
    [
      '.ts warm',
      () => {
        rmSync(join(ts, 'app.db'), { force: true })
        return timeProcess(node, [retortBin, 'upgrade', 'head'], ts)
      },
    ],
  ]
  if (alembic) {
    const project = join(work, 'alembic')
    writeAlembicProject(project, revisions)
    const run = () => {
      rmSync(join(project, 'app.db'), { force: true })
      return timeProcess(alembic.python, ['-m', 'alembic', 'upgrade', 'head'], project)
    }
    cases.push(['alembic cold', () => (clearAlembicBytecode(project), run())])
    cases.push(['alembic warm', run])
  }
  const samples = new Map(cases.map(([name]) => [name, []]))
  for (let round = 0; round < runs; round++) {
    for (const [name, measure] of cases) samples.get(name).push(measure())
  }
  const median = (values) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]
  return new Map(
    [...samples].map(([name, list]) => [
      name,
      {
        seconds: median(list.map((s) => s.seconds)),
        peakMb: median(list.map((s) => s.peakMb)),
        cpu: median(list.map((s) => s.cpu)),
      },
    ]),
  )
}

/**
 * `retort heads` and `alembic heads` on the same graph, measured `runs` times each in
 * rotation, with what the fixed cost is made of beside them: Node starting (`node -e 0`)
 * and `retort heads` on a one-revision project (start, module loading, config; the files
 * and the graph of the big project are what it adds). The median wall and CPU seconds of each.
 *
 * Node runs without NODE_EXTRA_CA_CERTS: when it is set, Node reads and parses that
 * certificate file at every start, before any of Retort runs (on a machine that sets it for
 * a proxy, a bundle of a few hundred KB is more than half of the instructions of
 * `retort heads` on one revision). That case is measured too, as its own row.
 */
export function measureHeads(work, revisions, runs, alembic) {
  const retort = join(work, 'heads-retort')
  writeRetortProject(retort, revisions, 'ts')
  const single = join(work, 'heads-retort-1')
  writeRetortProject(single, revisions.slice(0, 1), 'ts')
  const node = process.execPath
  const plain = { ...process.env }
  delete plain.NODE_EXTRA_CA_CERTS
  const cases = [
    ['node -e 0', () => timeProcess(node, ['-e', '0'], single, plain)],
    ['retort heads (1)', () => timeProcess(node, [retortBin, 'heads'], single, plain)],
    ['retort heads', () => timeProcess(node, [retortBin, 'heads'], retort, plain)],
  ]
  if (process.env.NODE_EXTRA_CA_CERTS) {
    cases.push([
      'retort heads, CA file',
      () => timeProcess(node, [retortBin, 'heads'], retort, process.env),
    ])
  }
  if (alembic) {
    const project = join(work, 'heads-alembic')
    writeAlembicProject(project, revisions)
    cases.push([
      'alembic heads',
      () => timeProcess(alembic.python, ['-m', 'alembic', 'heads'], project),
    ])
  }
  const samples = new Map(cases.map(([name]) => [name, []]))
  for (let round = 0; round < runs; round++) {
    for (const [name, measure] of cases) samples.get(name).push(measure())
  }
  const median = (values) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]
  return new Map(
    [...samples].map(([name, list]) => [
      name,
      { seconds: median(list.map((s) => s.seconds)), cpu: median(list.map((s) => s.cpu)) },
    ]),
  )
}

const STRACE = '/usr/bin/strace'

/**
 * The file syncs (fsync + fdatasync) and file deletions (in SQLite's default rollback-journal
 * mode, one per commit: the journal is deleted) of one run of `command args` in `cwd`, from
 * `strace -c -f`; `undefined` when strace is not installed. Untimed: strace slows the run.
 */
export function countSyncs(command, args, cwd) {
  if (!existsSync(STRACE)) return undefined
  const report = join(cwd, '.strace-report')
  const run = spawnSync(
    STRACE,
    ['-c', '-f', '-e', 'trace=fsync,fdatasync,unlink,unlinkat', '-o', report, command, ...args],
    { cwd, encoding: 'utf8', maxBuffer: 1 << 28 },
  )
  if (run.status !== 0) return undefined
  const calls = (name) => {
    const line = readFileSync(report, 'utf8')
      .split('\n')
      .find((l) => l.trim().split(/\s+/).pop() === name)
    // Columns: % time, seconds, usecs/call, calls, [errors], syscall.
    return line === undefined ? 0 : Number(line.trim().split(/\s+/)[3])
  }
  return {
    syncs: calls('fsync') + calls('fdatasync'),
    deletions: calls('unlink') + calls('unlinkat'),
  }
}

/** Each case measured `runs` times in rotation; the median wall, CPU and peak RSS of each. */
function rotate(cases, runs) {
  const samples = new Map(cases.map(([name]) => [name, []]))
  for (let round = 0; round < runs; round++) {
    for (const [name, measure] of cases) samples.get(name).push(measure())
  }
  const median = (values) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]
  return new Map(
    [...samples].map(([name, list]) => [
      name,
      {
        seconds: median(list.map((s) => s.seconds)),
        peakMb: median(list.map((s) => s.peakMb)),
        cpu: median(list.map((s) => s.cpu)),
      },
    ]),
  )
}

/**
 * Warm `upgrade head` as a whole process (.ts revisions, compile cache filled), a transaction
 * per revision (`each`) and one for all (`all`), next to the floor of each mode (the same DDL
 * through better-sqlite3 in a process of its own) and Alembic in the same mode.
 */
export function measureWarm(work, revisions, runs, alembic) {
  const syncs = new Map()
  mkdirSync(work, { recursive: true })
  const floor = join(work, 'floor')
  mkdirSync(floor, { recursive: true })
  writeFloorStatements(join(floor, 'ddl.json'), revisions)
  const node = process.execPath
  const cases = []
  for (const mode of ['each', 'all']) {
    const project = join(work, `retort-${mode}`)
    writeRetortProject(project, revisions, 'ts', `transactionMode: ${mode}\n`)
    const upgrade = () => {
      rmSync(join(project, 'app.db'), { force: true })
      return timeProcess(node, [retortBin, 'upgrade', 'head'], project)
    }
    upgrade() // fills the compile cache
    if (mode === 'each') {
      rmSync(join(project, 'app.db'), { force: true })
      syncs.set('retort each', countSyncs(node, [retortBin, 'upgrade', 'head'], project))
      rmSync(join(floor, 'app.db'), { force: true })
      syncs.set(
        'floor each',
        countSyncs(node, [join(here, 'ddl-floor-process.mjs'), 'ddl.json', 'app.db', mode], floor),
      )
    }
    cases.push([
      `floor ${mode}`,
      () => {
        rmSync(join(floor, 'app.db'), { force: true })
        return timeProcess(
          node,
          [join(here, 'ddl-floor-process.mjs'), 'ddl.json', 'app.db', mode],
          floor,
        )
      },
    ])
    cases.push([`retort ${mode}`, upgrade])
    if (alembic) {
      const dir = join(work, `alembic-${mode}`)
      writeAlembicProject(dir, revisions, mode)
      const run = () => {
        rmSync(join(dir, 'app.db'), { force: true })
        return timeProcess(alembic.python, ['-m', 'alembic', 'upgrade', 'head'], dir)
      }
      run() // compiles the revisions' bytecode
      if (mode === 'each') {
        rmSync(join(dir, 'app.db'), { force: true })
        syncs.set(
          'alembic each',
          countSyncs(alembic.python, ['-m', 'alembic', 'upgrade', 'head'], dir),
        )
      }
      cases.push([`alembic ${mode}`, run])
    }
  }
  const results = rotate(cases, runs)
  for (const [name, counted] of syncs) if (counted) results.get(name).syncs = counted
  return results
}

/**
 * `upgrade base:head --sql` as a whole process on YAML revisions, next to its floor (Node
 * reads every revision file and writes the same script, compiled beforehand) and to Alembic's
 * `upgrade base:head --sql` on the same revisions.
 */
export function measureOffline(work, revisions, runs, alembic) {
  mkdirSync(work, { recursive: true })
  const project = join(work, 'retort-yaml')
  writeRetortProject(project, revisions, 'yaml')
  const node = process.execPath
  const offline = () => timeProcess(node, [retortBin, 'upgrade', 'base:head', '--sql'], project)
  const script = join(work, 'script.sql')
  const first = spawnSync(node, [retortBin, 'upgrade', 'base:head', '--sql'], {
    cwd: project,
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  })
  if (first.status !== 0) throw new Error(`retort upgrade --sql failed:\n${first.stderr}`)
  writeFileSync(script, first.stdout)
  const cases = [
    [
      'floor',
      () =>
        timeProcess(
          node,
          [
            join(here, 'offline-floor-process.mjs'),
            join(project, 'migrations', 'versions'),
            script,
          ],
          work,
        ),
    ],
    ['retort', offline],
  ]
  if (alembic) {
    const dir = join(work, 'alembic')
    writeAlembicProject(dir, revisions)
    const run = () =>
      timeProcess(alembic.python, ['-m', 'alembic', 'upgrade', 'base:head', '--sql'], dir)
    run()
    cases.push(['alembic', run])
  }
  return rotate(cases, runs)
}
