import { createRequire } from 'node:module'
import type * as Commander from 'commander'

/**
 * commander, loaded as the CommonJS module it is. Importing it as ESM makes Node scan its
 * source for named exports and go through its ESM wrapper first: about 6 ms of every
 * start-up of `retort` (a third of the parser's load time), for the same classes.
 */
const commander = createRequire(import.meta.url)('commander') as typeof Commander

export const { Command, CommanderError, Option } = commander
export type Command = Commander.Command
export type CommanderError = Commander.CommanderError
export type Option = Commander.Option
