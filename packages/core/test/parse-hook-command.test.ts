import { describe, expect, it } from 'vitest'
import { Config } from '../src/config/config.js'
import { parseHookCommand } from '../src/config/parse-hook-command.js'
import { ConfigError } from '../src/errors.js'

const WHAT = "retort.yaml: 'postWriteHooks[0]'"

function refusal(text: string): string {
  try {
    parseHookCommand(text, WHAT)
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError)
    return (error as Error).message
  }
  throw new Error(`'${text}' was accepted`)
}

describe('post-write hook commands', () => {
  it.each([
    ['prettier --write {path}', ['prettier', '--write', '{path}']],
    ['node -e "process.exit(3)" {path}', ['node', '-e', 'process.exit(3)', '{path}']],
    [`node -e 'console.log("a  b")'`, ['node', '-e', 'console.log("a  b")']],
    ['eslint --fix "{path}"', ['eslint', '--fix', '{path}']],
    ['tool a\\ b "it\'s" \'$HOME\' "*.ts"', ['tool', 'a b', "it's", '$HOME', '*.ts']],
    ['  spaced   out\t{path} ', ['spaced', 'out', '{path}']],
  ])('%s', (text, words) => {
    expect(parseHookCommand(text, WHAT)).toEqual(words)
  })

  it.each([
    ['prettier {path} | cat', `${WHAT} uses '|', which needs a shell`],
    ['a && b', `${WHAT} uses '&&', which needs a shell`],
    ['fmt {path} > out.txt', `${WHAT} uses '>', which needs a shell`],
    ['node -e process.exit(3)', `${WHAT} uses '(', which needs a shell`],
    ['prettier --write *.ts', `${WHAT} has the pattern '*.ts', which only a shell expands`],
    ['echo $HOME', `${WHAT} uses '$HOME', which only a shell expands`],
    ['echo "$HOME"', `${WHAT} uses '$HOME', which only a shell expands`],
    ["fmt '#x' # note", `${WHAT} has a comment ('# note')`],
    ['node -e "process.exit(3) {path}', `${WHAT} has an unclosed double quote; close it`],
    ["node -e 'x {path}", `${WHAT} has an unclosed single quote; close it`],
  ])('refuses %s', (text, start) => {
    const message = refusal(text)
    expect(message.startsWith(start), message).toBe(true)
    expect(message).not.toContain('\n')
  })

  it('is how the config reads a hook written as one string', () => {
    const config = new Config({ postWriteHooks: ['node -e "process.exit(3)" {path}'] })
    expect(config.postWriteHooks).toEqual([
      { command: 'node', args: ['-e', 'process.exit(3)', '{path}'] },
    ])
  })
})
