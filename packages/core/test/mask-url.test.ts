import { describe, expect, it } from 'vitest'
import { nearestName } from '../src/operations/nearest-name.js'
import { maskSecrets, maskUrl, urlSecrets } from '../src/config/mask-url.js'

const PASSWORD = 'Zq9xS3cretPw'

describe('maskUrl', () => {
  it.each([
    ['postgresql://postgres:PW@db:5432/app', 'postgresql://postgres:***@db:5432/app'],
    ['postgresql://postgres:pa?PW@db/app', 'postgresql://postgres:***@db/app'],
    ['postgresql://postgres:pa#PW@db/app', 'postgresql://postgres:***@db/app'],
    ['mysql://root:pa@PW@db/app', 'mysql://root:***@db/app'],
    ['mysql://root:pa/PW@db/app', 'mysql://root:***@db/app'],
    ['mysql://root:PW%ZZ@db/app', 'mysql://root:***@db/app'],
    ['mariadb://root:pa PW@db/app', 'mariadb://root:***@db/app'],
    ['postgresql://:PW@db/app', 'postgresql://:***@db/app'],
    ['POSTGRES://u:PW@db/app', 'POSTGRES://u:***@db/app'],
    // A missing or mistyped scheme: the userinfo starts the text, or follows the slashes.
    ['root:PW@127.0.0.1/db', 'root:***@127.0.0.1/db'],
    ['postgresql//postgres:PW@db/app', 'postgresql//postgres:***@db/app'],
    ['postgresql:/postgres:PW@db/app', 'postgresql:/postgres:***@db/app'],
    ['9x://admin:PW@db/app', '9x://admin:***@db/app'],
    // A user name that cannot be one (a path or query character in it): all of it goes.
    ['postgresql://ho/st:PW@db/app', 'postgresql://***@db/app'],
    // Options.
    ['postgresql://db/app?password=PW&ssl=true', 'postgresql://db/app?password=***&ssl=true'],
    ['mysql://root@db/app?sslmode=x&password=PW', 'mysql://root@db/app?sslmode=x&password=***'],
    ['host=db password=PW dbname=app', 'host=db password=*** dbname=app'],
    // Nothing to mask.
    ['postgresql://app@db/app', 'postgresql://app@db/app'],
    ['sqlite:////data/a@b.db', 'sqlite:////data/a@b.db'],
    ['sqlite:///app.db', 'sqlite:///app.db'],
  ])('%s', (url, expected) => {
    const text = url.replaceAll('PW', PASSWORD)
    expect(maskUrl(text)).toBe(expected)
    expect(maskUrl(text)).not.toContain(PASSWORD)
  })

  it("over-masks an '@' in the query rather than risk part of a password", () => {
    expect(maskUrl('mysql://u:pw@h/db?email=a@b.c')).toBe('mysql://u:***@b.c')
  })
})

describe('urlSecrets and maskSecrets', () => {
  it('find the password as written and decoded, and option values', () => {
    expect(urlSecrets('mysql://root:pa%40ss-word@db/app')).toEqual(['pa%40ss-word', 'pa@ss-word'])
    expect(urlSecrets('postgresql://db/app?password=s3cret-x')).toEqual(['s3cret-x'])
    expect(urlSecrets('mysql://root:pw%ZZ@db/app')).toEqual(['pw%ZZ'])
    expect(urlSecrets('postgresql://app@db/app')).toEqual([])
  })

  it('mask known secrets and every URL in a free text', () => {
    const url = `postgresql://postgres:pa ${PASSWORD}@db/app`
    const text = `failed: ${url}; driver said: bad password 'pa ${PASSWORD}' for ${url}`
    const masked = maskSecrets(text, urlSecrets(url))
    expect(masked).not.toContain(PASSWORD)
    expect(maskSecrets(`see mysql://root:${PASSWORD}@db/app.`)).toBe('see mysql://root:***@db/app.')
    expect(maskSecrets("auth failed for 'pa@ss-word'", ['pa@ss-word'])).toBe(
      "auth failed for '***'",
    )
  })

  it('leave secrets shorter than four characters to the URL rule', () => {
    expect(maskSecrets('a table named abc', ['abc'])).toBe('a table named abc')
    expect(maskSecrets('at mysql://u:abc@h/d', ['abc'])).toBe('at mysql://u:***@h/d')
  })
})

describe('nearestName', () => {
  const keys = ['scriptLocation', 'url', 'versionTable', 'versionTableSchema', 'transactionMode']
  it.each([
    ['versionTabel', 'versionTable'],
    ['transactionMod', 'transactionMode'],
    ['URL', 'url'],
    ['script-location', 'scriptLocation'],
    ['versiontableschema', 'versionTableSchema'],
  ])('%s -> %s', (name, expected) => {
    expect(nearestName(name, keys)).toBe(expected)
  })

  it('offers nothing far away', () => {
    expect(nearestName('tenant', keys)).toBeUndefined()
    expect(nearestName('x', keys)).toBeUndefined()
  })
})
