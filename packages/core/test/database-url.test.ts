import { describe, expect, it } from 'vitest'
import { parseDatabaseUrl, parseServerUrl, redactUrl } from '../src/config/database-url.js'
import { ConfigError } from '../src/errors.js'

describe('parseDatabaseUrl', () => {
  it('resolves sqlite:///relative against the base directory', () => {
    expect(parseDatabaseUrl('sqlite:///data/app.db', '/srv/app')).toMatchObject({
      kind: 'sqlite',
      scheme: 'sqlite',
      filename: '/srv/app/data/app.db',
    })
  })

  it('keeps sqlite:////absolute absolute, whatever the base', () => {
    expect(parseDatabaseUrl('sqlite:////var/lib/app.db', '/srv/app')).toMatchObject({
      filename: '/var/lib/app.db',
    })
    expect(parseDatabaseUrl('sqlite:////var/lib/app.db')).toMatchObject({
      filename: '/var/lib/app.db',
    })
  })

  it('reads the in-memory forms', () => {
    for (const url of ['sqlite::memory:', 'sqlite:///:memory:', 'sqlite://']) {
      expect(parseDatabaseUrl(url)).toMatchObject({ kind: 'sqlite', filename: ':memory:' })
    }
  })

  it('decodes %-escapes and keeps query options', () => {
    expect(parseDatabaseUrl('sqlite:///my%20data.db?mode=ro', '/srv')).toMatchObject({
      filename: '/srv/my data.db',
      options: { mode: 'ro' },
    })
  })

  it('refuses a relative sqlite path without a base directory', () => {
    expect(() => parseDatabaseUrl('sqlite:///app.db')).toThrow(ConfigError)
    expect(() => parseDatabaseUrl('sqlite:///app.db')).toThrow(
      /relative path 'app.db'.*absolute path/,
    )
  })

  it('refuses a sqlite URL with a host', () => {
    expect(() => parseDatabaseUrl('sqlite://server/app.db', '/srv')).toThrow(
      /names a host \('server'\)/,
    )
  })

  it('keeps postgres and mysql URLs as connection strings', () => {
    expect(parseDatabaseUrl('postgres://u:p@db:5432/app')).toMatchObject({
      kind: 'postgresql',
      scheme: 'postgresql',
      connectionString: 'postgres://u:p@db:5432/app',
      redacted: 'postgres://u:***@db:5432/app',
    })
    expect(parseDatabaseUrl('postgresql://db/app')).toMatchObject({ kind: 'postgresql' })
    expect(parseDatabaseUrl('mysql://u:p@db/app')).toMatchObject({
      kind: 'mysql',
      uri: 'mysql://u:p@db/app',
      mariadb: false,
    })
    expect(parseDatabaseUrl('mariadb://u@db/app')).toMatchObject({
      kind: 'mysql',
      uri: 'mysql://u@db/app',
      mariadb: true,
    })
  })

  it('returns other schemes for a custom resolver', () => {
    expect(parseDatabaseUrl('libsql://u:tok@host/db')).toMatchObject({
      kind: 'other',
      scheme: 'libsql',
      redacted: 'libsql://u:***@host/db',
    })
  })

  it('rejects a string without a scheme, without showing its password', () => {
    expect(() => parseDatabaseUrl('not a url')).toThrow(/'not a url' is not a database URL/)
    let message = ''
    try {
      parseDatabaseUrl('9x://admin:s3cret@db/app')
    } catch (error) {
      message = (error as Error).message
    }
    expect(message).toContain("'9x://admin:***@db/app' is not a database URL")
    expect(message).not.toContain('s3cret')
  })
})

describe('redactUrl', () => {
  it.each([
    ['postgresql://app:s3cret@db.internal:5432/app', 'postgresql://app:***@db.internal:5432/app'],
    ['mysql://root:p@ss/w0rd@localhost/db', 'mysql://root:***@localhost/db'],
    ['postgresql://app@db/app', 'postgresql://app@db/app'],
    [
      'postgresql://db/app?user=me&password=s3cret&ssl=true',
      'postgresql://db/app?user=me&password=***&ssl=true',
    ],
    // An '@' in the query cannot be told from one in a password: masked up to it.
    ['mysql://u:pw@h/db?email=a@b.c', 'mysql://u:***@b.c'],
    ['sqlite:////data/a@b.db', 'sqlite:////data/a@b.db'],
    ['host=db password=s3cret dbname=app', 'host=db password=*** dbname=app'],
  ])('%s', (url, expected) => {
    expect(redactUrl(url)).toBe(expected)
    expect(redactUrl(url)).not.toMatch(/s3cret|p@ss|w0rd|pw@/)
  })
})

describe('parseServerUrl', () => {
  it('decodes the user and password and describes the URL without them', () => {
    const parsed = parseServerUrl(' mariadb://app:pa%40ss-x@db:3306/app?ssl=1 ', 'mysqlDialect')
    expect(parsed.user).toBe('app')
    expect(parsed.password).toBe('pa@ss-x')
    expect(parsed.description).toBe('mariadb://app:***@db:3306/app')
  })

  it.each([
    [
      'postgresql://u:pa?s3cret-x@db/app',
      /^pg: 'postgresql:\/\/u:\*\*\*@db\/app' is not a valid URL;/,
    ],
    [
      'postgresql://u:s3cret-x%ZZ@db/app',
      /^pg: the password in 'postgresql:\/\/u:\*\*\*@db\/app' has a '%' that is not followed by two hex digits/,
    ],
    ['mysql://u%ZZ:s3cret-x@db/app', /^pg: the user in .* has a '%'/],
  ])('refuses %s without showing the password', (url, message) => {
    expect(() => parseServerUrl(url, 'pg')).toThrow(message)
    try {
      parseServerUrl(url, 'pg')
    } catch (error) {
      expect((error as Error).message).not.toContain('s3cret-x')
    }
  })
})
