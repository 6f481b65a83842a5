import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { Config } from '../src/config/config.js'
import { interpolateEnv } from '../src/config/interpolate-env.js'
import { loadConfig } from '../src/config/load-config.js'
import { ConfigError } from '../src/errors.js'

let root: string
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'retort-config-'))
})
afterEach(async () => {
  await rm(root, { recursive: true, force: true })
})

async function write(relative: string, text: string): Promise<string> {
  const path = join(root, relative)
  await mkdir(join(path, '..'), { recursive: true })
  await writeFile(path, text)
  return path
}

function messageOf(run: () => unknown): string {
  try {
    run()
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError)
    return (error as Error).message
  }
  throw new Error('expected a ConfigError')
}

async function messageOfAsync(run: () => Promise<unknown>): Promise<string> {
  try {
    await run()
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError)
    return (error as Error).message
  }
  throw new Error('expected a ConfigError')
}

describe('loadConfig lookup', () => {
  it('takes the explicit file first, relative to cwd', async () => {
    await write('retort.yaml', 'scriptLocation: from-cwd\n')
    await write('env-config.yaml', 'scriptLocation: from-env\n')
    await write('conf/explicit.yaml', 'scriptLocation: from-flag\n')
    const config = await loadConfig({
      cwd: root,
      file: 'conf/explicit.yaml',
      env: { RETORT_CONFIG: 'env-config.yaml' },
    })
    expect(config.path).toBe(join(root, 'conf/explicit.yaml'))
    expect(config.scriptLocation).toBe(join(root, 'conf/from-flag'))
  })

  it('then RETORT_CONFIG, then retort.yaml in cwd', async () => {
    await write('retort.yaml', 'scriptLocation: from-cwd\n')
    await write('other/env-config.yaml', 'scriptLocation: from-env\n')
    const viaEnv = await loadConfig({
      cwd: root,
      env: { RETORT_CONFIG: join(root, 'other/env-config.yaml') },
    })
    expect(viaEnv.scriptLocation).toBe(join(root, 'other/from-env'))
    const viaCwd = await loadConfig({ cwd: root, env: {} })
    expect(viaCwd.path).toBe(join(root, 'retort.yaml'))
    expect(viaCwd.scriptLocation).toBe(join(root, 'from-cwd'))
  })

  it('accepts retort.yml and file URLs', async () => {
    await write('retort.yml', 'scriptLocation: m\n')
    expect((await loadConfig({ cwd: pathToFileURL(root), env: {} })).scriptLocation).toBe(
      join(root, 'm'),
    )
    expect(
      (await loadConfig({ cwd: '/', file: pathToFileURL(join(root, 'retort.yml')), env: {} })).path,
    ).toBe(join(root, 'retort.yml'))
  })

  it('refuses both retort.yaml and retort.yml', async () => {
    await write('retort.yaml', '{}\n')
    await write('retort.yml', '{}\n')
    expect(await messageOfAsync(() => loadConfig({ cwd: root, env: {} }))).toMatch(
      /both .*retort\.yaml.* and .*retort\.yml/,
    )
  })

  it('names the path tried and suggests retort init', async () => {
    const missingCwd = await messageOfAsync(() => loadConfig({ cwd: root, env: {} }))
    expect(missingCwd).toContain(join(root, 'retort.yaml'))
    expect(missingCwd).toContain('retort init')
    const missingFile = await messageOfAsync(() =>
      loadConfig({ cwd: root, file: 'nope.yaml', env: {} }),
    )
    expect(missingFile).toContain(`'${join(root, 'nope.yaml')}' does not exist`)
    expect(missingFile).toContain('retort init')
    const missingEnv = await messageOfAsync(() =>
      loadConfig({ cwd: root, env: { RETORT_CONFIG: '/no/such.yaml' } }),
    )
    expect(missingEnv).toContain("'/no/such.yaml' (from RETORT_CONFIG) does not exist")
  })

  it('reports YAML syntax errors with file:line:column', async () => {
    const path = await write(
      'retort.yaml',
      'scriptLocation: migrations\nurl: [unclosed\nversionTable: x\n',
    )
    const message = await messageOfAsync(() => loadConfig({ cwd: root, env: {} }))
    expect(message).toMatch(
      new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+: `),
    )
    expect(message).not.toContain('\n')
  })

  it('reports duplicate keys and a file that is not a mapping', async () => {
    await write('dup.yaml', 'url: a\nurl: b\n')
    expect(
      await messageOfAsync(() => loadConfig({ cwd: root, file: 'dup.yaml', env: {} })),
    ).toMatch(/dup\.yaml:2:1: .*unique/i)
    await write('list.yaml', '- a\n- b\n')
    expect(
      await messageOfAsync(() => loadConfig({ cwd: root, file: 'list.yaml', env: {} })),
    ).toMatch(/must be a mapping/)
  })

  it('reads an empty file as no keys', async () => {
    await write('retort.yaml', '# nothing yet\n')
    const config = await loadConfig({ cwd: root, env: {} })
    expect(config.versionTable).toEqual({ name: 'retort_version', schema: undefined })
  })
})

describe('relative paths', () => {
  it('are relative to the config file, whatever cwd is', async () => {
    await write(
      'project/retort.yaml',
      'scriptLocation: db/migrations\nversionLocations: [db/v1, /abs/v2]\n',
    )
    const config = await loadConfig({ cwd: '/', file: join(root, 'project/retort.yaml'), env: {} })
    expect(config.directory).toBe(join(root, 'project'))
    expect(config.scriptLocation).toBe(join(root, 'project/db/migrations'))
    expect(config.versionLocations).toEqual([join(root, 'project/db/v1'), '/abs/v2'])
  })

  it('need a config file, or else an absolute path or URL', () => {
    expect(messageOf(() => new Config({ scriptLocation: 'migrations' }).scriptLocation)).toMatch(
      /'scriptLocation' is the relative path 'migrations'.*pass an absolute path or a file URL/,
    )
    expect(new Config({ scriptLocation: '/app/migrations' }).scriptLocation).toBe('/app/migrations')
    expect(new Config({ scriptLocation: pathToFileURL('/app/m') }).scriptLocation).toBe('/app/m')
    expect(new Config({ scriptLocation: 'file:///app/m' }).scriptLocation).toBe('/app/m')
    expect(messageOf(() => new Config({ scriptLocation: new URL('https://x.test/m') }))).toMatch(
      /only file: URLs/,
    )
    expect(messageOf(() => new Config().scriptLocation)).toMatch(/no 'scriptLocation'/)
  })

  it('resolve against a path passed to new Config', () => {
    const config = new Config({ scriptLocation: 'm' }, { path: '/srv/app/retort.yaml' })
    expect(config.scriptLocation).toBe('/srv/app/m')
    expect(messageOf(() => new Config({}, { path: 'retort.yaml' }))).toMatch(
      /relative; pass an absolute path/,
    )
  })
})

describe('${ENV} interpolation', () => {
  it('replaces variables in strings, lists and nested mappings', async () => {
    await write(
      'retort.yaml',
      [
        'url: postgresql://app:${PGPASSWORD}@${PGHOST}/app',
        'settings: { tenant: "${TENANT}", count: 3 }',
        'versionLocations: ["${VDIR}"]',
        'databases:',
        '  main: { url: "sqlite:///${DB}.db" }',
      ].join('\n'),
    )
    const env = { PGPASSWORD: 's3cret', PGHOST: 'db', TENANT: 'acme', VDIR: 'v', DB: 'main' }
    const config = await loadConfig({ cwd: root, env })
    expect(config.url).toBe('postgresql://app:s3cret@db/app')
    expect(config.settings).toEqual({ tenant: 'acme', count: 3 })
    expect(config.versionLocations).toEqual([join(root, 'v')])
    expect(config.forDatabase('main').url).toBe('sqlite:///main.db')
  })

  it('names the missing variable, the key and its line', async () => {
    const path = await write('retort.yaml', 'url: ${TOP_URL}\n')
    expect(await messageOfAsync(() => loadConfig({ cwd: root, env: {} }))).toBe(
      `${path}:1: 'url' uses \${TOP_URL}, but the environment variable 'TOP_URL' is not set; set it, or write \${TOP_URL:-default}`,
    )
  })

  it('replaces a databases entry only when it is selected', async () => {
    const path = await write(
      'retort.yaml',
      'databases:\n  main:\n    url: sqlite:///main.db\n  other:\n    url: ${OTHER_URL}\n',
    )
    const main = await loadConfig({ cwd: root, env: {}, name: 'main' })
    expect(main.url).toBe('sqlite:///main.db')
    const message = `${path}:5: 'databases.other.url' uses \${OTHER_URL}, but the environment variable 'OTHER_URL' is not set; set it, or write \${OTHER_URL:-default}`
    expect(await messageOfAsync(() => loadConfig({ cwd: root, env: {}, name: 'other' }))).toBe(
      message,
    )
    // Without -n, the entry fails when an env module asks for it.
    const all = await loadConfig({ cwd: root, env: {} })
    expect(all.databaseNames).toEqual(['main', 'other'])
    expect(messageOf(() => all.forDatabase('other'))).toBe(message)
    expect(JSON.stringify(all)).toContain('${OTHER_URL}')
    // Its key names are still checked at once.
    await write(
      'retort.yaml',
      'databases:\n  main:\n    url: sqlite:///main.db\n  other:\n    url: ${OTHER_URL}\n    versionTabel: x\n',
    )
    expect(await messageOfAsync(() => loadConfig({ cwd: root, env: {}, name: 'main' }))).toMatch(
      /retort\.yaml:6: 'databases\.other\.versionTabel' is not a Retort key; did you mean 'versionTable'\?/,
    )
  })

  it('treats $${ as a literal ${ and supports ${NAME:-default}', () => {
    expect(interpolateEnv('cost $${PRICE} and $5', {}, 'f')).toBe('cost ${PRICE} and $5')
    expect(interpolateEnv('$$${A}', { A: 'x' }, 'f')).toBe('$${A}')
    expect(interpolateEnv('${A:-sqlite::memory:}', {}, 'f')).toBe('sqlite::memory:')
    expect(interpolateEnv('${A:-fallback}', { A: 'set' }, 'f')).toBe('set')
    expect(interpolateEnv('${EMPTY}', { EMPTY: '' }, 'f')).toBe('')
    expect(interpolateEnv({ key: ['${A}'] }, { A: 'x' }, 'f')).toEqual({ key: ['x'] })
  })

  it('rejects unclosed and malformed references', () => {
    expect(messageOf(() => interpolateEnv({ url: 'a${B' }, {}, 'retort.yaml'))).toMatch(
      /retort\.yaml: 'url' has '\$\{' without a closing/,
    )
    expect(messageOf(() => interpolateEnv({ url: '${not valid}' }, {}, 'retort.yaml'))).toMatch(
      /not a variable name/,
    )
  })

  it('reads process.env only as the default', async () => {
    await write('retort.yaml', 'url: ${RETORT_TEST_UNSET_VARIABLE_42}\n')
    expect(await messageOfAsync(() => loadConfig({ cwd: root }))).toContain(
      'RETORT_TEST_UNSET_VARIABLE_42',
    )
  })
})

describe('known keys', () => {
  it('have defaults', () => {
    const config = new Config()
    expect(config.versionTable).toEqual({ name: 'retort_version', schema: undefined })
    expect(config.transactionMode).toBe('each')
    expect(config.lockTimeout).toBe(60_000)
    expect(config.fileTemplate).toBe('{rev}_{slug}')
    expect(config.revisionFormat).toBe('ts')
    expect(config.timezone).toBeUndefined()
    expect(config.postWriteHooks).toEqual([])
    expect(config.url).toBeUndefined()
    expect(config.versionLocations).toBeUndefined()
    expect(config.directory).toBeUndefined()
    expect(config.get('versionTable')).toBe('retort_version')
  })

  it('are read as typed values', () => {
    const config = new Config({
      versionTable: 'app_version',
      versionTableSchema: 'meta',
      transactionMode: 'none',
      lockTimeout: '5000' as never, // what ${LOCK_TIMEOUT} interpolation gives
      revisionFormat: 'yaml',
      timezone: 'Europe/Paris',
      postWriteHooks: ['prettier --write {path}', { command: 'eslint', args: ['--fix', '{path}'] }],
    })
    expect(config.versionTable).toEqual({ name: 'app_version', schema: 'meta' })
    expect(config.transactionMode).toBe('none')
    expect(config.lockTimeout).toBe(5000)
    expect(config.revisionFormat).toBe('yaml')
    expect(config.timezone).toBe('Europe/Paris')
    expect(config.postWriteHooks).toEqual([
      { command: 'prettier', args: ['--write', '{path}'] },
      { command: 'eslint', args: ['--fix', '{path}'] },
    ])
  })

  it('accept transactionPerMigration as the DESIGN name of transactionMode', () => {
    expect(new Config({ transactionPerMigration: true }).transactionMode).toBe('each')
    expect(new Config({ transactionPerMigration: false }).transactionMode).toBe('all')
    expect(new Config({ transactionPerMigration: false }).get('transactionPerMigration')).toBe(
      false,
    )
    expect(
      messageOf(() => new Config({ transactionMode: 'each', transactionPerMigration: false })),
    ).toMatch(/disagree/)
  })

  it('are validated with the file and key named', async () => {
    const path = await write('retort.yaml', 'transactionMode: every\n')
    expect(await messageOfAsync(() => loadConfig({ cwd: root, env: {} }))).toBe(
      `${path}:1: 'transactionMode' must be one of each, all, none, not 'every'`,
    )
    await write('bad.yaml', 'databases:\n  main:\n    lockTimeout: -5\n')
    expect(
      await messageOfAsync(() => loadConfig({ cwd: root, file: 'bad.yaml', env: {} })),
    ).toMatch(
      /bad\.yaml:3: 'databases\.main\.lockTimeout' must be a whole number of milliseconds \(0 or more\), not -5$/,
    )
  })

  it.each([
    [{ revisionFormat: 'py' }, /'revisionFormat' must be one of ts, js, yaml, not 'py'/],
    [{ versionTable: 42 }, /'versionTable' must be a non-empty string, not 42/],
    [{ versionTable: '' }, /'versionTable' must be a non-empty string/],
    [{ lockTimeout: 1.5 }, /'lockTimeout' must be a whole number/],
    [{ timezone: 'Mars/Olympus' }, /'Mars\/Olympus', which is not a time zone/],
    [
      { scriptLocation: ['a'] },
      /'scriptLocation' must be a directory path or a file: URL, not a list/,
    ],
    [
      { postWriteHooks: [{ args: [] }] },
      /'postWriteHooks\[0\]\.command' must be a non-empty string/,
    ],
    [{ databases: ['main'] }, /'databases' must be a mapping of names/],
    [{ databases: { main: 'sqlite:///x' } }, /'databases\.main' must be a mapping of keys/],
    [{ databases: { main: { databases: {} } } }, /not allowed inside a database entry/],
    [
      { script_location: 'm' },
      /'script_location' is not a Retort key; keys are camelCase: write 'scriptLocation'/,
    ],
    [{ 'version-table': 'x' }, /write 'versionTable'/],
    [
      { transactionPerMigration: 'yes' },
      /'transactionPerMigration' must be true or false, not 'yes'/,
    ],
  ])('rejects %j', (values, pattern) => {
    expect(messageOf(() => new Config(values as never))).toMatch(pattern)
  })

  it('never echo a bad url value', () => {
    const message = messageOf(() => new Config({ url: { password: 's3cret' } } as never))
    expect(message).toMatch(/'url' must be a database URL string/)
    expect(message).not.toContain('s3cret')
  })

  it('keep values for the env module under settings, merged over the top level per entry', () => {
    const config = new Config({
      settings: { tenant: 'acme', shards: [1, 2] },
      databases: { eu: { settings: { tenant: 'acme-eu' } }, us: {} },
    })
    expect(config.settings).toEqual({ tenant: 'acme', shards: [1, 2] })
    expect(config.get('settings')).toEqual({ tenant: 'acme', shards: [1, 2] })
    expect(config.forDatabase('eu').settings).toEqual({ tenant: 'acme-eu', shards: [1, 2] })
    expect(config.forDatabase('us').settings).toEqual({ tenant: 'acme', shards: [1, 2] })
    expect(new Config().settings).toEqual({})
    expect(messageOf(() => new Config({ settings: 'acme' } as never))).toMatch(
      /'settings' must be a mapping of names to values for the env module/,
    )
  })

  it.each([
    ['versionTabel', 'versionTable'],
    ['transactionMod', 'transactionMode'],
    ['URL', 'url'],
    ['scriptLocaton', 'scriptLocation'],
  ])('reject the unknown key %s, naming %s', (key, near) => {
    expect(messageOf(() => new Config({ [key]: 'x' } as never))).toBe(
      `config key '${key}' is not a Retort key; did you mean '${near}'? (values for the env module go under 'settings')`,
    )
    expect(messageOf(() => new Config().get(key))).toContain(`did you mean '${near}'?`)
    expect(messageOf(() => new Config().set(key, 'x'))).toContain(`did you mean '${near}'?`)
  })

  it('reject a key far from every known one, listing them and pointing to settings', () => {
    expect(messageOf(() => new Config({ tenant: 'acme' } as never))).toMatch(
      /^config key 'tenant' is not a Retort key \(the keys are scriptLocation, .*databases\); put values for the env module under 'settings'$/,
    )
    expect(
      messageOf(() => new Config({ databases: { main: { tenant: 'acme' } } } as never)),
    ).toMatch(
      /^config key 'databases\.main\.tenant' is not a Retort key \(the keys are .*settings\);/,
    )
    expect(
      messageOf(() => new Config({ postWriteHooks: [{ command: 'x', arg: [] }] } as never)),
    ).toBe("config key 'postWriteHooks[0].arg' is not a key of a hook; did you mean 'args'?")
  })

  it('name the file and line of an unknown key, at any depth', async () => {
    const path = await write(
      'retort.yaml',
      [
        'scriptLocation: migrations',
        'databases:',
        '  main:',
        '    url: sqlite:///main.db',
        '    transactionMod: all',
      ].join('\n'),
    )
    expect(await messageOfAsync(() => loadConfig({ cwd: root, env: {} }))).toBe(
      `${path}:5: 'databases.main.transactionMod' is not a Retort key; did you mean 'transactionMode'? (values for the env module go under 'settings')`,
    )
    await write('retort.yaml', 'scriptLocation: migrations\nversionTabel: app_version\n')
    expect(await messageOfAsync(() => loadConfig({ cwd: root, env: {} }))).toBe(
      `${path}:2: 'versionTabel' is not a Retort key; did you mean 'versionTable'? (values for the env module go under 'settings')`,
    )
  })

  it('describe where the effective value of a key comes from', async () => {
    const path = await write(
      'retort.yaml',
      'url: sqlite:///top.db\nversionTable: v\ndatabases:\n  main:\n    url: sqlite:///main.db\n',
    )
    const config = await loadConfig({ cwd: root, env: {}, name: 'main' })
    expect(config.describeKey('url')).toBe(`${path}:5: 'databases.main.url'`)
    expect(config.describeKey('versionTable')).toBe(`${path}:2: 'versionTable'`)
    const top = await loadConfig({ cwd: root, env: {} })
    expect(top.describeKey('url')).toBe(`${path}:1: 'url'`)
    top.set('url', 'sqlite::memory:')
    expect(top.describeKey('url')).toBe("config key 'url'")
    expect(new Config({ url: 'sqlite::memory:' }).describeKey('url')).toBe("config key 'url'")
  })
})

describe('set', () => {
  it('validates, overrides and removes', () => {
    const config = new Config({ versionTable: 'a' })
    expect(config.set('versionTable', 'b').set('lockTimeout', 10).versionTable.name).toBe('b')
    expect(config.lockTimeout).toBe(10)
    expect(messageOf(() => config.set('transactionMode', 'every'))).toBe(
      "config key 'transactionMode' must be one of each, all, none, not 'every'",
    )
    config.set('transactionPerMigration', false)
    expect(config.transactionMode).toBe('all')
    config.set('transactionMode', 'none')
    expect(config.transactionMode).toBe('none')
    config.set('versionTable', undefined)
    expect(config.versionTable.name).toBe('retort_version')
    config.set('scriptLocation', new URL('file:///srv/m'))
    expect(config.scriptLocation).toBe('/srv/m')
    config.set('settings', { tenant: 'acme' })
    expect(config.settings).toEqual({ tenant: 'acme' })
  })

  it('on a clone leaves the original alone', () => {
    const original = new Config({
      versionTable: 'a',
      databases: { main: { url: 'sqlite::memory:' } },
    })
    const copy = original.clone().set('versionTable', 'b')
    expect(original.versionTable.name).toBe('a')
    expect(copy.versionTable.name).toBe('b')
    expect(copy.databaseNames).toEqual(['main'])
  })
})

describe('named databases', () => {
  const yaml = [
    'scriptLocation: migrations',
    'url: sqlite:///top.db',
    'lockTimeout: 1000',
    'databases:',
    '  main:',
    '    url: sqlite:///main.db',
    '  analytics:',
    '    url: postgresql://a:s3cret@db/analytics',
    '    versionTable: analytics_version',
    '    versionTableSchema: meta',
    '    scriptLocation: analytics',
  ].join('\n')

  it('select an entry whose keys override the top level', async () => {
    await write('retort.yaml', yaml)
    const config = await loadConfig({ cwd: root, env: {}, name: 'analytics' })
    expect(config.name).toBe('analytics')
    expect(config.url).toBe('postgresql://a:s3cret@db/analytics')
    expect(config.versionTable).toEqual({ name: 'analytics_version', schema: 'meta' })
    expect(config.scriptLocation).toBe(join(root, 'analytics'))
    expect(config.lockTimeout).toBe(1000)
  })

  it('leave the top level in force when no name is given', async () => {
    await write('retort.yaml', yaml)
    const config = await loadConfig({ cwd: root, env: {} })
    expect(config.name).toBeUndefined()
    expect(config.url).toBe('sqlite:///top.db')
    expect(config.databaseNames).toEqual(['main', 'analytics'])
    expect([...config.databases.keys()]).toEqual(['main', 'analytics'])
    expect(config.databases.get('main')!.url).toBe('sqlite:///main.db')
    expect(config.forDatabase('analytics').versionTable.name).toBe('analytics_version')
    expect(config.forDatabase('main').versionTable.name).toBe('retort_version')
    expect(config.forDatabase('main').forDatabase('analytics').url).toMatch(/^postgresql:/)
  })

  it('reject an unknown name, listing the known ones', async () => {
    await write('retort.yaml', yaml)
    const message = await messageOfAsync(() => loadConfig({ cwd: root, env: {}, name: 'reports' }))
    expect(message).toBe(
      `no database 'reports' in ${join(root, 'retort.yaml')}; known names: main, analytics`,
    )
    expect(messageOf(() => new Config({}).forDatabase('main'))).toMatch(
      /has no 'databases' section/,
    )
  })

  it('set on a named config changes that target only', () => {
    const config = new Config(
      { databases: { main: { versionTable: 'm' }, other: {} } },
      { name: 'main' },
    )
    config.set('lockTimeout', 7)
    expect(config.lockTimeout).toBe(7)
    expect(config.forDatabase('main')).toBe(config)
    expect(config.forDatabase('other').lockTimeout).toBe(60_000)
    expect(messageOf(() => config.set('databases', {}))).toMatch(/set it on the top-level config/)
  })
})

describe('entries and toJSON', () => {
  it('give the effective values; toJSON resolves paths and hides passwords', () => {
    const config = new Config(
      {
        scriptLocation: 'migrations',
        url: 'postgresql://app:s3cret@db/app',
        settings: { tenant: 'acme' },
        databases: { main: { url: 'mysql://root:hunter2@db/main' } },
      },
      { path: '/srv/app/retort.yaml' },
    )
    const entries = Object.fromEntries(config.entries())
    expect(entries).toMatchObject({
      scriptLocation: 'migrations',
      url: 'postgresql://app:s3cret@db/app',
      versionTable: 'retort_version',
      transactionMode: 'each',
      lockTimeout: 60_000,
      settings: { tenant: 'acme' },
    })
    const json = JSON.stringify(config)
    expect(json).not.toMatch(/s3cret|hunter2/)
    expect(JSON.parse(json)).toMatchObject({
      scriptLocation: '/srv/app/migrations',
      url: 'postgresql://app:***@db/app',
      databases: { main: { url: 'mysql://root:***@db/main' } },
      settings: { tenant: 'acme' },
    })
  })

  it('toJSON hides the passwords of URLs in settings too', () => {
    const config = new Config({
      settings: { replica: 'postgresql://app:s3cret-x@replica/app', dsn: ['password=s3cret-x'] },
    })
    expect(JSON.stringify(config)).not.toContain('s3cret-x')
    expect(config.toJSON()['settings']).toEqual({
      replica: 'postgresql://app:***@replica/app',
      dsn: ['password=***'],
    })
    expect(config.settings['replica']).toBe('postgresql://app:s3cret-x@replica/app')
  })

  it('toJSON does not throw on an unresolvable relative path', () => {
    expect(new Config({ scriptLocation: 'm' }).toJSON()['scriptLocation']).toBe('m')
  })
})
