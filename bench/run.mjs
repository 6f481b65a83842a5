// `pnpm bench`: graph and runtime benchmarks. Prints tables with ratios against baselines
// measured in the same run. Numbers are informative; nothing here is asserted by tests.
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { findAlembic } from './alembic.mjs'
import { measureFirstRun, measureHeads, measureOffline, measureWarm } from './first-run.mjs'
import { shape, writeScriptDirectory } from './generate.mjs'

const here = dirname(fileURLToPath(import.meta.url))
const work = join(tmpdir(), `retort-bench-${process.pid}`)
mkdirSync(work, { recursive: true })
const quick = process.argv.includes('--quick')
// `--only=first-run,bundle` runs those sections alone: graph, upgrade, servers, cli,
// first-run, warm, offline, heads, graph-store, bundle, create, fleet.
// `--create=REVISIONS,DATABASES,SAMPLE` and `--fleet=FILES,REVISIONS,SCHEMAS` change the
// sizes of those two.
const only = process.argv.find((arg) => arg.startsWith('--only='))?.slice('--only='.length)
const wants = (section) => only === undefined || only.split(',').includes(section)

const runCase = (script, args) =>
  JSON.parse(
    execFileSync(process.execPath, [join(here, script), ...args], {
      encoding: 'utf8',
      maxBuffer: 1 << 24,
    })
      .trim()
      .split('\n')
      .pop(),
  )

const fmt = (n, digits = 1) => n.toFixed(digits).padStart(10)
const table = (title, header, rows) => {
  console.log(`\n${title}`)
  console.log(header.map((h, i) => (i === 0 ? h.padEnd(22) : h.padStart(10))).join(' '))
  for (const row of rows)
    console.log(
      row
        .map((c, i) =>
          i === 0 ? String(c).padEnd(22) : typeof c === 'number' ? fmt(c) : String(c).padStart(10),
        )
        .join(' '),
    )
}

// 1. Revision graph: load + heads, history, resolve (head-500 on a line, REV@head when branchy), plan base->head.
const graphSizes = quick ? [1000] : [1000, 10000]
const graphRows = []
const graphResults = {}
if (wants('graph')) {
  for (const kind of ['linear', 'branchy']) {
    for (const count of graphSizes) {
      const dir = join(work, `${kind}-${count}`)
      writeScriptDirectory(dir, shape(kind, count), 'ts')
      // Median of three processes.
      const runs = [0, 1, 2].map(() => ({
        ...runCase('graph-case.mjs', [dir]),
        ...runCase('read-floor-case.mjs', [dir]),
      }))
      const median = (key) => runs.map((r) => r[key]).sort((a, b) => a - b)[1]
      const r = Object.fromEntries(Object.keys(runs[0]).map((k) => [k, median(k)]))
      graphResults[`${kind}-${count}`] = r
      graphRows.push([
        `${kind} ${count}`,
        r.floorMs,
        r.loadMs,
        `${(r.loadMs / r.floorMs).toFixed(2)}x`,
        r.loadWarmMs,
        r.historyMs,
        r.resolveMs,
        r.planMs,
        r.rssAfterLoadMb,
        r.peakRssMb,
        r.warmRssMb,
      ])
    }
  }
  table(
    'Revision graph (ms; RSS in MB; median of 3 processes). floor: list and read every file, nothing else; ratio = load+heads / floor',
    [
      'case',
      'floor',
      'load+heads',
      'ratio',
      'warm',
      'history',
      'resolve',
      'plan',
      'RSS load',
      'peak RSS',
      'RSS +3',
    ],
    graphRows,
  )
  console.log(
    '  RSS load: the process after load+heads (Node itself included); peak RSS: the most it held up to the end of plan;\n  RSS +3: the most after three more loads in the same process (the warm column), while the first graph is still held',
  )
  if (!quick) {
    console.log('\n1k -> 10k cost ratio (linear growth is 10.0x):')
    for (const kind of ['linear', 'branchy']) {
      const a = graphResults[`${kind}-1000`]
      const b = graphResults[`${kind}-10000`]
      console.log(
        `  ${kind.padEnd(8)} load+heads ${(b.loadMs / a.loadMs).toFixed(1)}x  warm ${(b.loadWarmMs / a.loadWarmMs).toFixed(1)}x  history ${(b.historyMs / a.historyMs).toFixed(1)}x  plan ${(b.planMs / a.planMs).toFixed(1)}x`,
      )
    }
    const l = graphResults['linear-10000']
    const br = graphResults['branchy-10000']
    console.log(
      `  targets at 10,000: load+heads <= 150 ms: linear ${l.loadMs.toFixed(0)} ms, branchy ${br.loadMs.toFixed(0)} ms (reading the files alone: ${l.floorMs.toFixed(0)} / ${br.floorMs.toFixed(0)} ms); RSS <= 100 MB: ${l.rssAfterLoadMb.toFixed(0)} / ${br.rssAfterLoadMb.toFixed(0)} MB after load+heads, ${l.peakRssMb.toFixed(0)} / ${br.peakRssMb.toFixed(0)} MB peak`,
    )
  }
}

const UPGRADE_HEADER = [
  'case',
  'floor',
  'retort',
  'ratio',
  'import',
  'ratio+imp',
  'current1',
  'current',
]
const upgradeRow = (label, source, r) => [
  label,
  r.floorMs,
  r.retortMs,
  `${(r.retortMs / r.floorMs).toFixed(2)}x`,
  source === 'files' ? r.importMs : '',
  source === 'files' ? `${(r.retortMs / (r.floorMs + r.importMs)).toFixed(2)}x` : '',
  r.currentFirstMs,
  r.currentMs,
]

/** The run of `script` with the median ratio retort / floor, of three processes. */
const medianRun = (script, args) => {
  const runs = [0, 1, 2].map(() => runCase(script, args))
  return runs.sort((a, b) => a.retortMs / a.floorMs - b.retortMs / b.floorMs)[1]
}

// 2. Runtime on SQLite: upgrade base->head next to the floor (same DDL, better-sqlite3 directly).
const upgradeRows = []
const sizes = quick ? [1000] : [1000, 5000]
if (wants('upgrade')) {
  for (const count of sizes) {
    for (const mode of ['each', 'all']) {
      for (const source of ['modules', 'files']) {
        // Disk timings on this kind of machine vary from one run to the next: every case is
        // the median (by ratio) of three processes.
        const r = medianRun('upgrade-case.mjs', [
          'linear',
          String(count),
          mode,
          source,
          join(work, `up-${count}-${mode}-${source}`),
        ])
        upgradeRows.push(upgradeRow(`${count} ${mode} ${source}`, source, r))
      }
    }
  }
  table(
    'SQLite upgrade base->head (ms); ratio = retort / floor; current at the head (first call of a Migrator, then median of 5); each case: median of 3 processes',
    UPGRADE_HEADER,
    upgradeRows,
  )
  console.log(
    '\n  modules: revisions passed as modules (bundled app); files: a script directory of .mjs files, imported as they run',
  )
  console.log(
    '  import: importing those files alone (Node, 8 at a time, fresh process); ratio+imp = retort / (floor + import)',
  )
}

// 3. The same upgrade on the server dialects, next to their floor (the same DDL sent directly
// with the driver). Each case creates and drops its own database.
for (const [label, script] of [
  ['PostgreSQL', 'postgres-case.mjs'],
  ['MariaDB/MySQL', 'mysql-case.mjs'],
]) {
  if (!wants('servers') || !existsSync(join(here, script))) continue
  const rows = []
  const count = quick ? 200 : 1000
  for (const mode of ['each', 'all']) {
    for (const source of ['modules', 'files']) {
      const r = medianRun(script, [
        'linear',
        String(count),
        mode,
        source,
        join(work, `${script}-${mode}-${source}`),
      ])
      rows.push(upgradeRow(`${count} ${mode} ${source}`, source, r))
    }
  }
  table(`${label} upgrade base->head (ms); columns as for SQLite`, UPGRADE_HEADER, rows)
}

// 4. The CLI: `retort --version` start-up and `retort heads` on 10,000 revisions (wall time of
// a fresh process, median of 5), next to `node -e 0` as the baseline for starting Node.
const bin = join(here, '..', 'packages', 'cli', 'dist', 'bin.js')
if (wants('cli') && existsSync(bin)) {
  const wall = (args, cwd) => {
    const times = []
    for (let i = 0; i < 5; i++) {
      const start = performance.now()
      execFileSync(process.execPath, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] })
      times.push(performance.now() - start)
    }
    return times.sort((a, b) => a - b)[2]
  }
  const count = quick ? 1000 : 10000
  const dir = join(work, `cli-${count}`)
  writeScriptDirectory(join(dir, 'migrations'), shape('linear', count), 'ts')
  writeFileSync(join(dir, 'retort.yaml'), 'scriptLocation: migrations\nurl: sqlite:///cli.db\n')
  const nodeMs = wall(['-e', '0'], dir)
  const versionMs = wall([bin, '--version'], dir)
  const headsMs = wall([bin, 'heads'], dir)
  table(
    'CLI wall time of a fresh process (ms, median of 5); ratio = to `node -e 0`',
    ['case', 'ms', 'ratio', 'target'],
    [
      ['node -e 0', nodeMs, '1.00x', ''],
      ['retort --version', versionMs, `${(versionMs / nodeMs).toFixed(2)}x`, '<= 100'],
      [
        `retort heads (${count})`,
        headsMs,
        `${(headsMs / nodeMs).toFixed(2)}x`,
        quick ? '' : '<= 200',
      ],
    ],
  )
}

// 5. The first run of `retort upgrade head` as a whole process (what a CI job in a fresh
// container or the first start of an installed app pays): TypeScript revision files with an
// empty compile cache (cold) and a filled one (warm), .mjs files, the floor (Node and
// better-sqlite3 running the same DDL) and Alembic with the same revisions (cold: no
// __pycache__ for the revision files; warm: with it). One transaction per revision on every
// side; peak RSS of the process.
const alembic = findAlembic()
if (wants('first-run')) {
  const fmtS = (s) => s.toFixed(2).padStart(10)
  for (const count of quick ? [1000] : [1000, 10000]) {
    const runs = quick || count >= 10000 ? 1 : 3
    const results = measureFirstRun(
      join(work, `first-run-${count}`),
      shape('linear', count),
      runs,
      alembic,
    )
    const floor = results.get('floor').seconds
    const js = results.get('.mjs').seconds
    const jsCpu = results.get('.mjs').cpu
    const rows = [...results].map(([name, r]) => {
      const alembicSide = name.startsWith('alembic')
        ? undefined
        : results.get(name === '.ts warm' ? 'alembic warm' : 'alembic cold')
      const retortCase = name !== 'floor' && !name.startsWith('alembic')
      return [
        name,
        fmtS(r.seconds),
        Number.isNaN(r.cpu) ? 'n/a' : fmtS(r.cpu),
        Number.isNaN(r.peakMb) ? 'n/a' : r.peakMb,
        `${(r.seconds / floor).toFixed(2)}x`,
        retortCase ? `${(r.seconds / js).toFixed(2)}x` : '',
        retortCase && !Number.isNaN(r.cpu) ? `${(r.cpu / jsCpu).toFixed(2)}x` : '',
        retortCase && alembicSide ? `${(alembicSide.seconds / r.seconds).toFixed(2)}x` : '',
        retortCase && alembicSide && !Number.isNaN(r.cpu)
          ? `${(alembicSide.cpu / r.cpu).toFixed(2)}x`
          : '',
      ]
    })
    table(
      `upgrade head, ${count} revisions, whole process (wall s, CPU s, peak RSS MB; ${runs === 1 ? 'one run' : `median of ${runs}`}); x floor; x .mjs (wall, CPU); Alembic/x: how many times faster than Alembic, wall and CPU (cold against cold, warm against warm)`,
      [
        'case',
        'wall s',
        'CPU s',
        'peak MB',
        'x floor',
        'x .mjs',
        'CPU x .mjs',
        'Alembic/x',
        'CPU A/x',
      ],
      rows,
    )
    const ts = results.get('.ts cold')
    const rssGoal = count >= 10000 ? 200 : 100
    const alembicCold = results.get('alembic cold')
    const cpuNote = (a, b) =>
      Number.isNaN(a) || Number.isNaN(b) ? '' : ` (CPU ${(a / b).toFixed(2)}x)`
    console.log(
      `  goals: .ts cold <= 1.3x .mjs: ${(ts.seconds / js).toFixed(2)}x${cpuNote(ts.cpu, jsCpu)}; peak RSS <= ${rssGoal} MB: ${Number.isNaN(ts.peakMb) ? 'n/a (no GNU time)' : `${ts.peakMb.toFixed(0)} MB`}` +
        (alembicCold === undefined
          ? ''
          : `; >= 2x faster than Alembic's first run: ${(alembicCold.seconds / ts.seconds).toFixed(2)}x${cpuNote(alembicCold.cpu, ts.cpu)}`),
    )
  }
  console.log(
    alembic
      ? `  Alembic ${alembic.version} (${alembic.python} -m alembic), transaction_per_migration=True`
      : '  Alembic is not installed (apt-get install python3-alembic, or set ALEMBIC_PYTHON): floor ratios only',
  )
}

// 5b. Warm `upgrade head` on 1,000 .ts revisions as a whole process, in mode `each` and
// `all`, next to the floor of the same mode (and Alembic in the same mode when installed).
const goalLine = (label, value, goal, ok) =>
  `  ${label}: ${value} (goal ${goal}: ${ok ? 'met' : 'NOT met'})`
if (wants('warm')) {
  const count = 1000
  const runs = quick ? 1 : 3
  const r = measureWarm(join(work, `warm-${count}`), shape('linear', count), runs, alembic)
  const rows = []
  for (const mode of ['each', 'all']) {
    const floor = r.get(`floor ${mode}`)
    const retort = r.get(`retort ${mode}`)
    const al = r.get(`alembic ${mode}`)
    rows.push([`floor ${mode}`, floor.seconds.toFixed(3), '1.00x', '', ''])
    rows.push([
      `retort ${mode}`,
      retort.seconds.toFixed(3),
      `${(retort.seconds / floor.seconds).toFixed(2)}x`,
      al ? `${(al.seconds / retort.seconds).toFixed(2)}x` : '',
      Number.isNaN(retort.peakMb) ? 'n/a' : retort.peakMb.toFixed(0),
    ])
    if (al)
      rows.push([
        `alembic ${mode}`,
        al.seconds.toFixed(3),
        `${(al.seconds / floor.seconds).toFixed(2)}x`,
        '',
        '',
      ])
  }
  table(
    `warm upgrade head, ${count} .ts revisions (compile cache filled), whole process (wall s; ${runs === 1 ? 'one run' : `median of ${runs}`}); x floor: to the floor of the same mode; Alembic/x: how many times faster than Alembic in the same mode`,
    ['case', 'wall s', 'x floor', 'Alembic/x', 'peak MB'],
    rows,
  )
  const each = r.get('retort each').seconds / r.get('floor each').seconds
  const all = r.get('retort all').seconds
  console.log(goalLine('each <= 1.5x its floor', `${each.toFixed(2)}x`, '<= 1.5x', each <= 1.5))
  console.log(
    `  all: ${(all / r.get('floor all').seconds).toFixed(2)}x its floor, ${(r.get('retort each').seconds / all).toFixed(2)}x faster than each`,
  )
  if (alembic) {
    const eachA = r.get('alembic each').seconds / r.get('retort each').seconds
    const allA = r.get('alembic all').seconds / all
    console.log(
      goalLine('each faster than Alembic', `${eachA.toFixed(2)}x`, '>= 2.5x', eachA >= 2.5),
    )
    console.log(goalLine('all faster than Alembic', `${allA.toFixed(2)}x`, '>= 10x', allA >= 10))
  } else {
    console.log(
      '  Alembic is not installed (apt-get install python3-alembic, or set ALEMBIC_PYTHON): floor ratios only',
    )
  }
}

// 5c. `upgrade base:head --sql` on 5,000 YAML revisions as a whole process: no database, no
// body import; next to its floor (read every file, write the script) and Alembic.
if (wants('offline')) {
  const count = quick ? 1000 : 5000
  const runs = quick ? 1 : 3
  const r = measureOffline(join(work, `offline-${count}`), shape('linear', count), runs, alembic)
  const floor = r.get('floor')
  const retort = r.get('retort')
  const al = r.get('alembic')
  table(
    `upgrade base:head --sql, ${count} YAML revisions, whole process (wall s; ${runs === 1 ? 'one run' : `median of ${runs}`}); floor: Node reads every revision file and writes the same script`,
    ['case', 'wall s', 'x floor', 'Alembic/x', 'peak MB'],
    [
      [
        'floor',
        floor.seconds.toFixed(3),
        '1.00x',
        '',
        Number.isNaN(floor.peakMb) ? 'n/a' : floor.peakMb.toFixed(0),
      ],
      [
        'retort --sql',
        retort.seconds.toFixed(3),
        `${(retort.seconds / floor.seconds).toFixed(2)}x`,
        al ? `${(al.seconds / retort.seconds).toFixed(2)}x` : '',
        Number.isNaN(retort.peakMb) ? 'n/a' : retort.peakMb.toFixed(0),
      ],
      ...(al
        ? [
            [
              'alembic --sql',
              al.seconds.toFixed(3),
              `${(al.seconds / floor.seconds).toFixed(2)}x`,
              '',
              '',
            ],
          ]
        : []),
    ],
  )
  if (!quick)
    console.log(
      goalLine('retort --sql', `${retort.seconds.toFixed(3)} s`, '<= 0.5 s', retort.seconds <= 0.5),
    )
  if (!al) console.log('  Alembic is not installed: floor ratio only')
}

// 6. `heads` on 10,000 branchy revisions (1,000 with --quick), Retort next to Alembic, with
// Node's start and `retort heads` on one revision: the fixed cost, and what each 1,000
// revisions add to it.
if (wants('heads')) {
  const count = quick ? 1000 : 10000
  const runs = quick ? 1 : 5
  const r = measureHeads(join(work, `heads-${count}`), shape('branchy', count), runs, alembic)
  const retort = r.get('retort heads')
  const other = r.get('alembic heads')
  const fmtS = (s) => (Number.isNaN(s) ? 'n/a' : s.toFixed(3))
  const times = (a, b) => (Number.isNaN(a) || Number.isNaN(b) ? '' : `${(a / b).toFixed(1)}x`)
  table(
    `heads, ${count} branchy revisions, whole process (wall s, CPU s; ${runs === 1 ? 'one run' : `median of ${runs}`}); Alembic/x: how many times faster than Alembic`,
    ['case', 'wall s', 'CPU s', 'Alembic/x', 'CPU A/x'],
    [...r].map(([name, m]) => {
      const withCa = name === 'retort heads, CA file'
      const compared = other !== undefined && (name === 'retort heads' || withCa)
      return [
        name === 'retort heads' ? `retort heads (${count})` : withCa ? '  with CA file' : name,
        fmtS(m.seconds),
        fmtS(m.cpu),
        compared ? times(other.seconds, m.seconds) : '',
        compared ? times(other.cpu, m.cpu) : '',
      ]
    }),
  )
  const fixed = r.get('retort heads (1)')
  const perThousand = ((retort.seconds - fixed.seconds) / (count - 1)) * 1000
  console.log(
    `  retort: ${(fixed.seconds * 1000).toFixed(0)} ms fixed (Node's start ${(r.get('node -e 0').seconds * 1000).toFixed(0)} ms of it) + ${(perThousand * 1000).toFixed(1)} ms per 1,000 revisions` +
      (other
        ? ''
        : '; Alembic is not installed (apt-get install python3-alembic, or set ALEMBIC_PYTHON): no comparison'),
  )
  if (other && !quick) {
    const faster = other.seconds / retort.seconds
    console.log(
      goalLine(
        'heads faster than Alembic',
        `${faster.toFixed(1)}x (CPU ${times(other.cpu, retort.cpu)})`,
        '>= 15x',
        faster >= 15,
      ),
    )
  }
  if (r.has('retort heads, CA file'))
    console.log(
      "  Node runs without NODE_EXTRA_CA_CERTS, which this environment sets: Node parses that file at every start; 'with CA file' is retort heads with it",
    )
}

// 6b. The revision graph's store next to graphology (with graphology-dag and
// graphology-traversal) computing the same facts on the same in-memory revisions, each in a
// fresh process: loading the code, building (validation or node/edge insertion, heads,
// topological order, cycle check), one walk up from the head and one down from the base.
if (wants('graph-store')) {
  const rows = []
  for (const count of quick ? [1000] : [1000, 10000]) {
    const results = {}
    for (const store of ['map', 'graphology']) {
      const runs = [0, 1, 2].map(() => runCase('graph-store-case.mjs', [store, String(count)]))
      const median = (key) => runs.map((r) => r[key]).sort((a, b) => a - b)[1]
      results[store] = Object.fromEntries(Object.keys(runs[0]).map((k) => [k, median(k)]))
    }
    const total = (r) => r.importMs + r.buildMs + r.ancestorsMs + r.descendantsMs
    for (const [store, r] of Object.entries(results)) {
      rows.push([
        `${store === 'map' ? 'RevisionMap' : 'graphology'} ${count}`,
        r.importMs,
        r.buildMs,
        r.ancestorsMs,
        r.descendantsMs,
        total(r),
        `${(total(r) / total(results.map)).toFixed(1)}x`,
      ])
    }
  }
  table(
    'Revision graph store (ms, median of 3 processes, branchy graph in memory); build: validation or insertion, heads, topological order, cycle check; x map = total against RevisionMap',
    ['store', 'load code', 'build', 'ancestors', 'descend.', 'total', 'x map'],
    rows,
  )
}

// 7. The size of examples/bundled built with esbuild (the app, Retort and its revisions in
// one file; only better-sqlite3, native code, stays external), and what it holds by package.
if (wants('bundle')) {
  const { buildApp, bundleContents } = await import('../examples/bundled/build.mjs')
  const outfile = join(work, 'bundle', 'app.mjs')
  const { metafile } = await buildApp({ outfile })
  const bytes = statSync(outfile).size
  const kb = (n) => (n / 1024).toFixed(1)
  table(
    `bundle: examples/bundled/dist/app.mjs (esbuild, not minified) ${(bytes / 1024).toFixed(0)} KB, by package (KB of code each put in the bundle)`,
    ['package', 'KB'],
    bundleContents(metafile).map(({ name, bytes: size }) => [name, kb(size)]),
  )
}

// 8. New databases at the head of a long history: template vs upgrade vs ensureVersion+stamp.
const sizesOf = (name, fallback) =>
  (process.argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback)
    .split(',')
    .map(Number)
if (wants('create')) {
  const [revisions, databases, sample] = sizesOf('create', quick ? '200,100,5' : '500,1000,10')
  const r = runCase('create-case.mjs', [revisions, databases, sample, join(work, 'create')])
  table(
    `New SQLite databases at the head of ${r.revisions} revisions, ${r.databases} databases (ms per database; upgrade timed on ${r.upgradeSample}); ratio = way / template`,
    ['way', 'ms/db', 'ratio'],
    [
      ['createDatabase', r.templatePerDbMs, '1.0x'],
      ['  (first: builds)', r.buildMs, ''],
      ['  (later calls)', r.templateAfterFirstPerDbMs, ''],
      ['upgrade(heads)', r.upgradePerDbMs, `${(r.upgradePerDbMs / r.templatePerDbMs).toFixed(1)}x`],
      ['copy+ensure+stamp', r.stampPerDbMs, `${(r.stampPerDbMs / r.templatePerDbMs).toFixed(1)}x`],
    ],
  )
}

// 9. A fleet: the same revisions over many databases with migrateMany, concurrency 1 and 4.
if (wants('fleet')) {
  const [databases, revisions, pgSchemas] = sizesOf('fleet', quick ? '100,50,20' : '1000,50,100')
  const rows = []
  for (const kind of ['sqlite', 'postgres']) {
    const count = kind === 'sqlite' ? databases : pgSchemas
    if (!(count > 0)) continue
    const results = []
    for (const concurrency of [1, 4]) {
      try {
        results.push(
          runCase('fleet-case.mjs', [kind, count, revisions, concurrency, join(work, 'fleet')]),
        )
      } catch (error) {
        console.log(`fleet ${kind}: skipped (${String(error.message).split('\n')[0]})`)
        break
      }
    }
    if (results.length < 2) continue
    const [one, four] = results
    rows.push([
      `${kind} ${count} dbs`,
      one.ms / 1000,
      four.ms / 1000,
      one.perDbMs,
      four.perDbMs,
      `${(one.ms / four.ms).toFixed(2)}x`,
    ])
  }
  table(
    `migrateMany: databases through ${revisions} revisions (wall s, ms per database); speed-up = c1 / c4 (2 cores)`,
    ['fleet', 'c1 s', 'c4 s', 'c1 ms/db', 'c4 ms/db', 'speed-up'],
    rows,
  )
}

rmSync(work, { recursive: true, force: true })
