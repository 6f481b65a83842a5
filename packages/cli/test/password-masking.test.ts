import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { inspect } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Config, Migrator, loadConfig } from '@retort/core'
import { retortInProcess } from './helpers/in-process.js'
import { createProject, retort, type RunResult } from './helpers/project.js'

/**
 * No output of Retort shows the password of a database URL: every URL shape below (well
 * formed, %-encoded, a raw `@ / ? # %` in the password, no scheme, a wrong or mistyped
 * scheme, a `password=` option, every scheme) through every path a URL takes (the config's
 * `url`, `-x url=`, `${ENV}`, a `-n` entry; `--json`, `--debug`; the API's error message,
 * stack, cause chain, JSON and inspection). Every host is 127.0.0.1 port 1 (or a parse
 * error), so nothing waits for a server.
 */
const PASSWORD = 'Zq9xS3cretPw'
const HOST = '127.0.0.1:1'

const SHAPES: readonly (readonly [label: string, url: string])[] = [
  ['postgresql, well formed', `postgresql://postgres:${PASSWORD}@${HOST}/db`],
  ['postgres, well formed', `postgres://postgres:${PASSWORD}@${HOST}/db`],
  ['mysql, well formed', `mysql://root:${PASSWORD}@${HOST}/db`],
  ['mariadb, well formed', `mariadb://root:${PASSWORD}@${HOST}/db`],
  ['upper-case scheme', `POSTGRESQL://postgres:${PASSWORD}@${HOST}/db`],
  ['no user', `postgresql://:${PASSWORD}@${HOST}/db`],
  [
    'postgresql, %-encoded specials',
    `postgresql://postgres:${encodeURIComponent(`${PASSWORD}@/?#%`)}@${HOST}/db`,
  ],
  [
    'mysql, %-encoded specials',
    `mysql://root:${encodeURIComponent(`${PASSWORD}@/?#%`)}@${HOST}/db`,
  ],
  ['postgresql, raw @', `postgresql://postgres:pa@${PASSWORD}@${HOST}/db`],
  ['postgresql, raw /', `postgresql://postgres:pa/${PASSWORD}@${HOST}/db`],
  ['postgresql, raw ?', `postgresql://postgres:pa?${PASSWORD}@${HOST}/db`],
  ['postgresql, raw #', `postgresql://postgres:pa#${PASSWORD}@${HOST}/db`],
  ['postgresql, broken %', `postgresql://postgres:${PASSWORD}%ZZ@${HOST}/db`],
  ['postgresql, raw space', `postgresql://postgres:pa ${PASSWORD}@${HOST}/db`],
  ['mysql, raw @', `mysql://root:pa@${PASSWORD}@${HOST}/db`],
  ['mysql, raw /', `mysql://root:pa/${PASSWORD}@${HOST}/db`],
  ['mysql, raw ?', `mysql://root:pa?${PASSWORD}@${HOST}/db`],
  ['mariadb, raw #', `mariadb://root:pa#${PASSWORD}@${HOST}/db`],
  ['mysql, broken %', `mysql://root:${PASSWORD}%ZZ@${HOST}/db`],
  ['no scheme', `root:${PASSWORD}@127.0.0.1/db`],
  ['scheme without ://', `postgresql//postgres:${PASSWORD}@${HOST}/db`],
  ['scheme with one slash', `postgresql:/postgres:${PASSWORD}@${HOST}/db`],
  ['unknown scheme', `oracle://scott:${PASSWORD}@${HOST}/db`],
  ['postgresql ?password=', `postgresql://postgres@${HOST}/db?password=${PASSWORD}`],
  [
    'postgresql &password= after an option',
    `postgresql://postgres@${HOST}/db?sslmode=disable&password=${PASSWORD}`,
  ],
  ['mysql ?password=', `mysql://root@${HOST}/db?password=${PASSWORD}`],
  ['postgresql, bad port', `postgresql://postgres:${PASSWORD}@127.0.0.1:99999/db`],
  ['mysql, bad port', `mysql://root:${PASSWORD}@127.0.0.1:99999/db`],
  ['sqlite with a user and password', `sqlite://admin:${PASSWORD}@localhost/app.db`],
  ['sqlite with a host and password', `sqlite://admin:${PASSWORD}@db.internal/app.db`],
]

function expectNoPassword(...texts: readonly string[]): void {
  for (const text of texts) expect(text).not.toContain(PASSWORD)
}

/** Exit 1, one `error:` line on stderr naming the setting, and no password anywhere. */
function expectOneLine(result: RunResult, setting: string): void {
  expectNoPassword(result.stdout, result.stderr)
  expect(result.code, result.stderr).toBe(1)
  const lines = result.stderr.trimEnd().split('\n')
  expect(lines, result.stderr).toHaveLength(1)
  expect(lines[0]).toMatch(/^error: /)
  expect(lines[0]).toContain(setting)
}

/** Every text an API error exposes: message, stack, causes, JSON, inspection. */
function errorTexts(error: unknown): string[] {
  expect(error).toBeInstanceOf(Error)
  const texts = [String(error), JSON.stringify(error), inspect(error, { depth: 20 })]
  let current: unknown = error
  while (current instanceof Error) {
    texts.push(current.message, current.stack ?? '', JSON.stringify(current))
    current = current.cause
  }
  return texts
}

const root = fileURLToPath(new URL('../../../', import.meta.url))

describe('no output shows the password of a database URL', () => {
  let project: ReturnType<typeof createProject>
  let dir: string
  beforeAll(() => {
    project = createProject('retort-passwords-')
    dir = project.dir
    // The default env of the API resolves the dialect packages from the config's directory.
    for (const name of ['dialect-postgres', 'dialect-mysql']) {
      symlinkSync(join(root, 'packages', name), join(dir, 'node_modules/@retort', name), 'dir')
    }
    mkdirSync(join(dir, 'migrations/versions'), { recursive: true })
  })
  afterAll(() => project.cleanup())

  it.each(SHAPES)('%s', async (label, url) => {
    const slug = label.replace(/\W+/g, '-')
    const file = (name: string, lines: readonly string[]) => {
      const path = join(dir, `${slug}-${name}.yaml`)
      writeFileSync(path, `${lines.join('\n')}\n`)
      return path
    }
    const quoted = JSON.stringify(url)
    const viaUrl = file('url', ['scriptLocation: migrations', `url: ${quoted}`])
    const viaEnv = file('env', ['scriptLocation: migrations', 'url: ${RETORT_TEST_DB_URL}'])
    const bare = file('bare', ['scriptLocation: migrations'])
    const named = file('named', [
      'scriptLocation: migrations',
      'databases:',
      '  main:',
      `    url: ${quoted}`,
      '  other:',
      '    url: ${RETORT_TEST_UNSET_URL}',
    ])

    // The config's url, -x url, ${ENV} and a -n entry: one line naming the setting.
    expectOneLine(await retortInProcess(dir, ['-c', viaUrl, 'current']), `${viaUrl}:2: 'url'`)
    expectOneLine(await retortInProcess(dir, ['-c', bare, '-x', `url=${url}`, 'current']), '-x url')
    expectOneLine(
      await retortInProcess(dir, ['-c', viaEnv, 'current'], { RETORT_TEST_DB_URL: url }),
      `${viaEnv}:2: 'url'`,
    )
    expectOneLine(
      await retortInProcess(dir, ['-c', named, '-n', 'main', 'current']),
      `${named}:4: 'databases.main.url'`,
    )

    // --json: the error document on stdout, the same line on stderr.
    const json = await retortInProcess(dir, ['-c', viaUrl, '--json', 'current'])
    expectOneLine(json, `${viaUrl}:2: 'url'`)
    const document = JSON.parse(json.stdout) as { error: { type: string; message: string } }
    expect(document.error.message).toContain(`${viaUrl}:2: 'url'`)
    expect(`error: ${document.error.message}\n`).toBe(json.stderr)

    // --debug: stacks and causes, for the file and for -x.
    for (const args of [
      ['-c', viaUrl, '--debug', 'current'],
      ['-c', bare, '--debug', '--json', '-x', `url=${url}`, 'current'],
    ]) {
      const debug = await retortInProcess(dir, args)
      expect(debug.code).toBe(1)
      // Debug log lines, then the error line and its stack.
      expect(debug.stderr).toMatch(/^error: .*\n\w*Error: /m)
      expectNoPassword(debug.stdout, debug.stderr)
    }

    // The API: the error object in every form an application may log it.
    const fromFile = await loadConfig({ cwd: dir, file: viaUrl, env: {} })
    const apiFile = await new Migrator({ config: fromFile }).current().catch((e: unknown) => e)
    expectNoPassword(...errorTexts(apiFile))
    expect((apiFile as Error).message).toContain(`${viaUrl}:2: 'url'`)

    const fromEnv = await loadConfig({ cwd: dir, file: viaEnv, env: { RETORT_TEST_DB_URL: url } })
    const apiEnv = await new Migrator({ config: fromEnv }).current().catch((e: unknown) => e)
    expectNoPassword(...errorTexts(apiEnv))

    const fromX = await loadConfig({ cwd: dir, file: bare, env: {} })
    const apiX = await new Migrator({ config: fromX, xArgs: { url } })
      .current()
      .catch((e: unknown) => e)
    expectNoPassword(...errorTexts(apiX))
    expect((apiX as Error).message).toMatch(/^-x url: /)

    const inCode = new Config({ scriptLocation: join(dir, 'migrations'), url })
    const apiCode = await new Migrator({ config: inCode }).current().catch((e: unknown) => e)
    expectNoPassword(...errorTexts(apiCode), JSON.stringify(inCode))
    expect((apiCode as Error).message).toMatch(/^config key 'url'/)
  })

  it('the binary itself, --debug and --json together', () => {
    for (const [, url] of SHAPES.filter((_, index) => index % 6 === 0)) {
      const path = join(dir, 'binary.yaml')
      writeFileSync(path, `scriptLocation: migrations\nurl: ${JSON.stringify(url)}\n`)
      const result = retort(dir, ['-c', path, '--debug', '--json', 'current'])
      expect(result.code).toBe(1)
      expect(JSON.parse(result.stdout)).toMatchObject({ error: { exitCode: 1 } })
      expectNoPassword(result.stdout, result.stderr)
    }
  })
})
