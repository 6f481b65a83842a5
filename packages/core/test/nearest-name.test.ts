import { describe, expect, it } from 'vitest'
import { didYouMean, nearestName } from '../src/operations/nearest-name.js'
import { REVISION_KEYS } from '../src/script/check-header-value.js'

describe('nearestName', () => {
  it.each([
    ['downRevison', 'downRevision'],
    ['downrevision', 'downRevision'],
    ['down_revision', 'downRevision'],
    ['down-revisions', 'downRevision'],
    ['revison', 'revision'],
    ['Revision', 'revision'],
    ['depends_on', 'dependsOn'],
    ['dependOn', 'dependsOn'],
    ['branchLables', 'branchLabels'],
    ['branch_label', 'branchLabels'],
    ['mesage', 'message'],
    ['transactions', 'transaction'],
    ['upgrades', 'upgrade'],
    ['upgarde', 'upgrade'],
    ['downgrades', 'downgrade'],
  ])('%s is a misspelt %s', (name, expected) => {
    expect(nearestName(name, REVISION_KEYS)).toBe(expected)
  })

  it.each(['helper', 'version', 'tableName', 'default', 'up', 'labels', 'msg', 'downgrade'])(
    '%s is no near miss',
    (name) => {
      expect(nearestName(name, REVISION_KEYS)).toBeUndefined()
    },
  )

  it('prefers the closest of several candidates', () => {
    expect(nearestName('colunms', ['column', 'columns'])).toBe('columns')
    expect(didYouMean('ifNotExist', ['ifExists', 'ifNotExists'])).toBe(
      " (did you mean 'ifNotExists'?)",
    )
    expect(didYouMean('zzz', ['ifExists'])).toBe('')
  })
})
