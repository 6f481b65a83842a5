import { describe, expect, it } from 'vitest'
import { checkNoControlCharacters } from '../src/authoring/write-revision.js'
import { findControlCharacter, printableText } from '../src/env/printable-text.js'
import { RetortError } from '../src/errors.js'

describe('printableText', () => {
  it('escapes every C0 and C1 control character and DEL, and nothing else', () => {
    expect(printableText('a\nb\r\tc')).toBe('a\\nb\\r\\tc')
    expect(printableText('\u001b[2J\u0007\u0000\u007f\u0085\u009b')).toBe(
      '\\x1b[2J\\x07\\x00\\x7f\\x85\\x9b',
    )
    const plain = 'café – naïve ✓ C:\\new "quoted" \u00a0'
    expect(printableText(plain)).toBe(plain)
    for (let code = 0; code < 0x100; code++) {
      const escaped = printableText(String.fromCharCode(code))
      expect(/[\u0000-\u001f\u007f-\u009f]/.test(escaped)).toBe(false)
    }
  })
})

describe('findControlCharacter', () => {
  it('finds the first one', () => {
    expect(findControlCharacter('a\tb\nc')).toBe('\t')
    expect(findControlCharacter('plain – text')).toBeUndefined()
  })
})

describe('checkNoControlCharacters', () => {
  it('passes plain text and undefined, refuses a control character with one line', () => {
    expect(() => checkNoControlCharacters('message', 'create account')).not.toThrow()
    expect(() => checkNoControlCharacters('message', undefined)).not.toThrow()
    let error: unknown
    try {
      checkNoControlCharacters('message', 'a\nb')
    } catch (caught) {
      error = caught
    }
    expect(error).toBeInstanceOf(RetortError)
    expect((error as Error).message).toBe(
      "message 'a\\nb' contains the control character \\n; write it on one line without control characters",
    )
  })
})
