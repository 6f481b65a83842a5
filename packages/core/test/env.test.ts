import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { Config } from '../src/config/config.js'
import type { Dialect } from '../src/dialect.js'
import { ConfigError } from '../src/errors.js'
import { defaultEnv } from '../src/env/default-env.js'
import { defineEnv, isEnvModule } from '../src/env/define-env.js'
import {
  dialectForUrl,
  importDialectPackage,
  projectDirectory,
} from '../src/env/dialect-for-url.js'
import { createEnvContext, type RunMigrationsOptions } from '../src/env/env-context.js'
import { loadEnvModule } from '../src/env/load-env-module.js'
import { consoleLogger, silentLogger } from '../src/env/logger.js'

let root: string
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'retort-env-'))
})
afterEach(async () => {
  await rm(root, { recursive: true, force: true })
})

async function write(name: string, text: string): Promise<string> {
  const path = join(root, name)
  await writeFile(path, text)
  return path
}

async function failure(run: () => Promise<unknown>): Promise<ConfigError> {
  try {
    await run()
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError)
    return error as ConfigError
  }
  throw new Error('expected a ConfigError')
}

/** A dialect stand-in: only identity matters to the env. */
function fakeDialect(name: string, description: string): Dialect {
  const unused = () => {
    throw new Error('not used')
  }
  return {
    name,
    description,
    createDriver: unused,
    createCompiler: unused,
    createAdapter: unused,
    createIntrospector: unused,
  }
}

/** Runs an env module and returns what it passed to runMigrations. */
async function runEnv(
  env: { run: (ctx: never) => unknown },
  config: Config,
  extra: { offline?: boolean; xArgs?: Record<string, string> } = {},
) {
  const calls: RunMigrationsOptions[] = []
  const ctx = createEnvContext({
    config,
    ...extra,
    runMigrations: async (options) => {
      calls.push(options)
    },
  })
  await (env.run as (ctx: unknown) => unknown)(ctx)
  return calls
}

describe('defineEnv', () => {
  it('builds a frozen { kind, run } and nothing else', () => {
    const run = async () => {}
    const env = defineEnv(run)
    expect(env).toEqual({ kind: 'env', run })
    expect(Object.isFrozen(env)).toBe(true)
    expect(isEnvModule(env)).toBe(true)
    expect(isEnvModule({ kind: 'env', run })).toBe(true)
    expect(isEnvModule({ run })).toBe(false)
    expect(() => defineEnv(undefined as never)).toThrow(/needs a function/)
  })
})

describe('createEnvContext', () => {
  it('fills defaults and freezes', () => {
    const ctx = createEnvContext({ config: new Config(), runMigrations: async () => {} })
    expect(ctx.logger).toBe(silentLogger)
    expect(ctx.offline).toBe(false)
    expect(ctx.xArgs).toEqual({})
    expect(Object.isFrozen(ctx)).toBe(true)
    expect(Object.isFrozen(ctx.xArgs)).toBe(true)
  })
})

describe('loadEnvModule', () => {
  it('loads a TypeScript env module with its relative imports', async () => {
    await write(
      'helper.ts',
      `export const pick = (args: Record<string, string>): string => args['db'] ?? 'none'\n`,
    )
    const path = await write(
      'env.ts',
      [
        `import { pick } from './helper'`,
        `interface Ctx { xArgs: Record<string, string>; runMigrations(o: { name?: string }): Promise<void> }`,
        `const env: { kind: 'env'; run: (ctx: Ctx) => Promise<void> } = {`,
        `  kind: 'env',`,
        `  run: async (ctx: Ctx) => { await ctx.runMigrations({ name: pick(ctx.xArgs) }) },`,
        `}`,
        `export default env`,
      ].join('\n'),
    )
    const env = await loadEnvModule(path)
    expect(env.kind).toBe('env')
    expect(await runEnv(env, new Config(), { xArgs: { db: 'tenant_a' } })).toEqual([
      { name: 'tenant_a' },
    ])
  })

  it('loads a .mts module', async () => {
    const path = await write(
      'env.mts',
      `export default { kind: 'env' as const, run: async (ctx: any) => ctx.runMigrations({ name: 'mts' }) }\n`,
    )
    expect(await runEnv(await loadEnvModule(path), new Config())).toEqual([{ name: 'mts' }])
  })

  it('loads a .mjs env module natively, by path or file URL', async () => {
    const path = await write(
      'env.mjs',
      `export default { kind: 'env', run: async (ctx) => { await ctx.runMigrations({ name: ctx.offline ? 'offline' : 'online' }) } }\n`,
    )
    expect(await runEnv(await loadEnvModule(path), new Config())).toEqual([{ name: 'online' }])
    expect(
      await runEnv(await loadEnvModule(pathToFileURL(path)), new Config(), { offline: true }),
    ).toEqual([{ name: 'offline' }])
  })

  it('does not run anything but the top level', async () => {
    const path = await write(
      'env.mjs',
      `globalThis.__retortRuns = 0\nexport default { kind: 'env', run: () => { globalThis.__retortRuns++ } }\n`,
    )
    await loadEnvModule(path)
    expect((globalThis as { __retortRuns?: number }).__retortRuns).toBe(0)
    delete (globalThis as { __retortRuns?: number }).__retortRuns
  })

  it('requires the default export to be an env module', async () => {
    for (const [name, text] of [
      ['no-default.mjs', `export const run = () => {}\n`],
      ['function.mjs', `export default async function (ctx) {}\n`],
      ['wrong.ts', `export default { kind: 'revision', run: () => {} }\n`],
    ] as const) {
      const path = await write(name, text)
      expect((await failure(() => loadEnvModule(path))).message).toBe(
        `'${path}' must \`export default defineEnv(async (ctx) => ...)\``,
      )
    }
  })

  it('turns an error at import into a ConfigError naming the file and the original message', async () => {
    const js = await write('throws.mjs', `throw new Error('no DATABASE_URL for tenant')\n`)
    const error = await failure(() => loadEnvModule(js))
    expect(error.message).toBe(
      `env module '${js}' failed to load: no DATABASE_URL for tenant; fix the error in that file`,
    )
    expect((error.cause as Error).message).toBe('no DATABASE_URL for tenant')
    const ts = await write('broken.ts', `const x: number = \nexport default {\n`)
    expect((await failure(() => loadEnvModule(ts))).message).toMatch(
      new RegExp(`^env module '${ts}' failed to load: `),
    )
    const missingImport = await write(
      'imports.ts',
      `import './not-there'\nexport default { kind: 'env', run() {} }\n`,
    )
    expect((await failure(() => loadEnvModule(missingImport))).message).toMatch(
      /failed to load: .*not-there/,
    )
  })

  it('names a missing file, a relative path and a wrong extension', async () => {
    expect((await failure(() => loadEnvModule(join(root, 'env.ts')))).message).toMatch(
      /does not exist/,
    )
    expect((await failure(() => loadEnvModule('env.ts'))).message).toMatch(/is relative/)
    const py = await write('env.py', '')
    expect((await failure(() => loadEnvModule(py))).message).toMatch(/has the extension '\.py'/)
  })
})

describe('dialectForUrl', () => {
  it('maps each scheme to its package, factory and argument', async () => {
    const imported: string[] = []
    const importer = async (specifier: string) => {
      imported.push(specifier)
      const factory = (name: string) => (argument: unknown) => ({
        ...fakeDialect(name, JSON.stringify(argument)),
      })
      return {
        sqliteDialect: factory('sqlite'),
        postgresDialect: factory('postgresql'),
        mysqlDialect: factory('mysql'),
      }
    }
    const describe = async (url: string) =>
      (await dialectForUrl(url, { baseDir: '/srv/app', importer })).description
    expect(await describe('sqlite:///app.db')).toBe('{"filename":"/srv/app/app.db"}')
    expect(await describe('sqlite::memory:')).toBe('{"filename":":memory:"}')
    expect(await describe('postgres://u:p@db/app')).toBe(
      '{"connectionString":"postgres://u:p@db/app"}',
    )
    expect(await describe('mariadb://u@db/app')).toBe('{"uri":"mariadb://u@db/app"}')
    expect(imported).toEqual([
      '@retort/dialect-sqlite',
      '@retort/dialect-sqlite',
      '@retort/dialect-postgres',
      '@retort/dialect-mysql',
    ])
  })

  it('says which package to install, without the password', async () => {
    const importer = async (specifier: string) => {
      throw Object.assign(
        new Error(`Cannot find package '${specifier}' imported from /srv/app/noop.js`),
        {
          code: 'ERR_MODULE_NOT_FOUND',
        },
      )
    }
    const error = await failure(() =>
      dialectForUrl('postgresql://user:s3cret@host/db', { importer }),
    )
    expect(error.message).toBe(
      "the url 'postgresql://user:***@host/db' needs @retort/dialect-postgres; install it (npm install @retort/dialect-postgres)",
    )
  })

  it('reports a package that loads but fails, or lacks the factory', async () => {
    const broken = async () => {
      throw new Error('better-sqlite3 was compiled against a different Node.js version')
    }
    expect(
      (await failure(() => dialectForUrl('sqlite::memory:', { importer: broken }))).message,
    ).toMatch(
      /^@retort\/dialect-sqlite \(for the url 'sqlite::memory:'\) failed to load: better-sqlite3 was compiled/,
    )
    expect(
      (await failure(() => dialectForUrl('sqlite::memory:', { importer: async () => ({}) })))
        .message,
    ).toMatch(/@retort\/dialect-sqlite does not export sqliteDialect\(\)/)
  })

  it('rejects unknown schemes, naming the supported ones', async () => {
    const error = await failure(() =>
      dialectForUrl('oracle://scott:tiger@db/orcl', { importer: async () => ({}) }),
    )
    expect(error.message).toMatch(
      /'oracle:\/\/scott:\*\*\*@db\/orcl' has the scheme 'oracle'.*sqlite:, postgresql:, mysql: or mariadb:/,
    )
    expect(error.message).not.toContain('tiger')
  })

  it('needs the config directory for a relative sqlite path', async () => {
    expect(
      (await failure(() => dialectForUrl('sqlite:///app.db', { importer: async () => ({}) })))
        .message,
    ).toMatch(/relative path 'app.db'/)
  })

  it('resolves the dialect package from the config directory first', async () => {
    const pkg = join(root, 'node_modules', '@retort', 'dialect-postgres')
    await mkdir(pkg, { recursive: true })
    await writeFile(
      join(pkg, 'package.json'),
      JSON.stringify({
        name: '@retort/dialect-postgres',
        type: 'module',
        exports: { '.': { import: './index.js', default: './index.js' } },
      }),
    )
    await writeFile(
      join(pkg, 'index.js'),
      `export const postgresDialect = (c) => ({ name: 'postgresql', description: 'local:' + c.connectionString })\n`,
    )
    const dialect = await dialectForUrl('postgresql://db/app', { baseDir: root })
    expect(dialect.description).toBe('local:postgresql://db/app')
  })

  it("finds a package by one rule: the project's, else the program's, else core's", async () => {
    const pkg = join(root, 'node_modules', '@retort', 'dialect-mysql')
    await mkdir(pkg, { recursive: true })
    await writeFile(
      join(pkg, 'package.json'),
      JSON.stringify({ name: '@retort/dialect-mysql', type: 'module', exports: './index.js' }),
    )
    await writeFile(join(pkg, 'index.js'), `export const copy = 'project'\n`)
    const packages = {
      '@retort/dialect-mysql': async () => ({ copy: 'program' }),
      '@retort/dialect-sqlite': async () => ({ copy: 'program' }),
    }
    const copy = async (name: Parameters<typeof importDialectPackage>[0], baseDir?: string) =>
      ((await importDialectPackage(name, { baseDir, packages })) as { copy?: string }).copy
    // The project has a copy next to its config: that one.
    expect(await copy('@retort/dialect-mysql', root)).toBe('project')
    // It has none: the running program's own.
    expect(await copy('@retort/dialect-sqlite', root)).toBe('program')
    expect(await copy('@retort/dialect-mysql')).toBe('program')
    // Neither has one: the copy core resolves itself (here the workspace's).
    const own = (await importDialectPackage('@retort/dialect-postgres', {
      baseDir: root,
      packages,
    })) as Record<string, unknown>
    expect(typeof own['postgresDialect']).toBe('function')
  })

  it("looks for a config given in code in its script directory's project", async () => {
    const pkg = join(root, 'node_modules', '@retort', 'dialect-postgres')
    await mkdir(pkg, { recursive: true })
    await writeFile(
      join(pkg, 'package.json'),
      JSON.stringify({ name: '@retort/dialect-postgres', type: 'module', exports: './index.js' }),
    )
    await writeFile(
      join(pkg, 'index.js'),
      `export const postgresDialect = (c) => ({ name: 'postgresql', description: 'project:' + c.connectionString })\n`,
    )
    await mkdir(join(root, 'migrations'), { recursive: true })
    const config = new Config({ scriptLocation: join(root, 'migrations') })
    expect(projectDirectory(config)).toBe(join(root, 'migrations'))
    expect(projectDirectory(new Config({}, { path: join(root, 'retort.yaml') }))).toBe(root)
    expect(projectDirectory(new Config({}))).toBeUndefined()
    const ctx = createEnvContext({ config, runMigrations: async () => {} })
    expect((await ctx.dialectForUrl('postgresql://db/app')).description).toBe(
      'project:postgresql://db/app',
    )
  })

  it('gives an env module the same rule through ctx.dialectForUrl', async () => {
    const made: string[] = []
    const ctx = createEnvContext({
      config: new Config({}, { path: join(root, 'retort.yaml') }),
      runMigrations: async () => {},
      dialectPackages: {
        '@retort/dialect-sqlite': async () => ({
          sqliteDialect: (argument: { filename: string }) => {
            made.push(argument.filename)
            return fakeDialect('sqlite', argument.filename)
          },
        }),
      },
    })
    const dialect = await ctx.dialectForUrl('sqlite:///app.db')
    expect(dialect.description).toBe(join(root, 'app.db'))
    expect(made).toEqual([join(root, 'app.db')])
    expect(
      (await failure(() => ctx.dialectForUrl('oracle://db/x', { setting: '-x url' }))).message,
    ).toMatch(/^-x url: the url 'oracle:\/\/db\/x' has the scheme 'oracle'/)
  })

  it('imports the real @retort/dialect-sqlite (no connection at creation)', async () => {
    const dialect = await dialectForUrl('sqlite:///data.db', { baseDir: root })
    expect(dialect.name).toBe('sqlite')
    expect(dialect.description).toBe(join(root, 'data.db'))
    expect(existsSync(join(root, 'data.db'))).toBe(false)
  })
})

describe('defaultEnv', () => {
  it('picks the dialect from the url and calls runMigrations with it', async () => {
    const dialect = fakeDialect('sqlite', 'x')
    const seen: unknown[] = []
    const env = defaultEnv({
      resolveDialect: (url, { baseDir }) => {
        seen.push(url, baseDir)
        return dialect
      },
    })
    const config = new Config({ url: 'sqlite:///app.db' }, { path: '/srv/app/retort.yaml' })
    expect(await runEnv(env, config)).toEqual([{ dialect }])
    expect(seen).toEqual(['sqlite:///app.db', '/srv/app'])
  })

  it('takes -x url before the config url, as the init templates do', async () => {
    const seen: unknown[] = []
    const env = defaultEnv({
      resolveDialect: (url, { setting }) => {
        seen.push(url, setting)
        return fakeDialect('sqlite', url)
      },
    })
    const config = new Config({ url: 'sqlite:///app.db' }, { path: '/srv/app/retort.yaml' })
    await runEnv(env, config, { xArgs: { url: 'sqlite:///other.db' } })
    await runEnv(env, config)
    expect(seen).toEqual([
      'sqlite:///other.db',
      '-x url',
      'sqlite:///app.db',
      "/srv/app/retort.yaml: 'url'",
    ])
  })

  it('refuses -x keys it does not read before creating a dialect, naming the nearest', async () => {
    let resolved = 0
    const env = defaultEnv({
      resolveDialect: () => {
        resolved += 1
        return fakeDialect('sqlite', 'x')
      },
    })
    const config = new Config({ url: 'sqlite:///app.db' }, { path: '/srv/app/retort.yaml' })
    expect((await failure(() => runEnv(env, config, { xArgs: { ulr: 'x' } }))).message).toBe(
      "-x ulr: the default env (the script directory has no env module) reads only -x url; did you mean 'url'?",
    )
    expect((await failure(() => runEnv(env, config, { xArgs: { tenant: 'a' } }))).message).toBe(
      "-x tenant: the default env (the script directory has no env module) reads only -x url; remove it, or write an env module that reads ctx.xArgs['tenant']",
    )
    expect(resolved).toBe(0)
  })

  it('creates the dialect offline too, and passes the selected database name', async () => {
    const importer = async () => ({
      postgresDialect: (argument: { connectionString: string }) =>
        fakeDialect('postgresql', argument.connectionString),
    })
    const config = new Config(
      { databases: { main: { url: 'postgresql://db/main' } } },
      { name: 'main' },
    )
    const [call] = await runEnv(defaultEnv({ importer }), config, { offline: true })
    expect(call?.name).toBe('main')
    expect(call?.dialect?.description).toBe('postgresql://db/main')
  })

  it('uses the real sqlite dialect by default', async () => {
    const config = new Config({ url: 'sqlite:///app.db' }, { path: join(root, 'retort.yaml') })
    const [call] = await runEnv(defaultEnv(), config)
    expect(call?.dialect?.name).toBe('sqlite')
    expect(call?.dialect?.description).toBe(join(root, 'app.db'))
  })

  it('explains a missing url', async () => {
    const noUrl = new Config({}, { path: '/srv/app/retort.yaml' })
    expect((await failure(() => runEnv(defaultEnv(), noUrl))).message).toBe(
      "no 'url' in /srv/app/retort.yaml: set url, pass -x url=..., pass a dialect, or write an env.ts",
    )
    const multi = new Config(
      { databases: { a: { url: 'sqlite::memory:' }, b: {} } },
      { path: '/srv/app/retort.yaml' },
    )
    expect((await failure(() => runEnv(defaultEnv(), multi))).message).toMatch(
      /lists databases a, b: select one of them, or write an env.ts/,
    )
  })
})

describe('loggers', () => {
  it('silentLogger is a frozen no-op', () => {
    expect(Object.isFrozen(silentLogger)).toBe(true)
    expect(silentLogger.error('x')).toBeUndefined()
  })

  it('consoleLogger filters by level and writes lines to its stream', () => {
    const lines: string[] = []
    const stream = { write: (text: string) => lines.push(text) }
    const logger = consoleLogger({ level: 'info', stream })
    logger.debug('hidden')
    logger.info('upgrading', { target: 'heads' })
    logger.warn('slow')
    logger.error('failed')
    expect(lines).toEqual(['upgrading {"target":"heads"}\n', 'warning: slow\n', 'error: failed\n'])
    const debug: string[] = []
    consoleLogger({ level: 'debug', stream: { write: (text: string) => debug.push(text) } }).debug(
      'shown',
    )
    expect(debug).toEqual(['debug: shown\n'])
    expect(() => consoleLogger({ level: 'loud' as never })).toThrow(
      /level must be one of debug, info, warn, error/,
    )
  })
})
