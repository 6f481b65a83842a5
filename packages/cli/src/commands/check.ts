import type { Command } from 'commander'
import { relative } from 'node:path'
import { check, printableText } from '@retort/core/cli'
import { action, type CommandKit } from '../command-kit.js'
import { collect } from '../options.js'
import { EXIT_ERROR } from '../usage-error.js'

/** `retort check`: a CI/deploy gate that runs nothing. */
export function registerCheck(program: Command, kit: CommandKit): void {
  program
    .command('check')
    .description(
      'check that every revision loads, there is one head, the database (if configured) has nothing pending and no schema drift, and the revisions make the declared schema (if configured)',
    )
    .option('--no-database', 'do not read the database')
    .option('--no-schema', 'do not compare the declared schema with the revisions')
    .option(
      '--no-drift',
      'do not compare the live schema with the schema the applied revisions produce',
    )
    .option(
      '--allow-changed <rev>',
      'accept a known edit of an applied revision: record its new checksum in the ledger (repeatable)',
      collect,
      [],
    )
    .option('--no-cache', 'replay the revisions even when a cached schema exists')
    .action(
      action<{
        database: boolean
        schema: boolean
        drift: boolean
        cache: boolean
        allowChanged: string[]
      }>(kit, async (ctx, _args, flags) => {
        const config = await ctx.loadConfig()
        const result = await check(config, {
          ...ctx.commandOptions(),
          ...(flags.database ? {} : { database: false }),
          ...(flags.schema ? {} : { schema: false }),
          ...(flags.drift ? {} : { drift: false }),
          ...(flags.allowChanged.length > 0 ? { allowChanged: flags.allowChanged } : {}),
          ...(flags.cache ? {} : { cache: false }),
        })
        if (ctx.json) {
          // A declared default may be a bigint, which JSON has no spelling for: its digits.
          ctx.printJson(
            JSON.parse(
              JSON.stringify(result, (_key, value: unknown) =>
                typeof value === 'bigint' ? value.toString() : value,
              ),
            ),
          )
        } else {
          const c = ctx.colors
          for (const problem of result.problems)
            ctx.out(
              `${c.red('✗')} ${problem.revision ? `${c.yellow(printableText(problem.revision))}: ` : ''}${problem.kind === 'schema' || problem.kind === 'drift' ? `${problem.kind}${problem.database ? ` (${printableText(problem.database)})` : ''}: ` : ''}${printableText(problem.message)}`,
            )
          for (const database of result.databases)
            for (const id of database.accepted)
              ctx.out(
                `${c.green('✓')} accepted the edit of ${c.yellow(printableText(id))}${database.name ? ` on ${printableText(database.name)}` : ''}: its new checksum is recorded in the ledger`,
              )
          if (result.ok) {
            const databases =
              result.databases.length === 0
                ? 'no database read'
                : `${result.databases.length === 1 ? 'the database is' : 'every database is'} at the head`
            const schemas = result.schemas.map(
              (s) =>
                `; the revisions make the declared schema${s.schemaPath ? ` '${relative(ctx.io.cwd, s.schemaPath) || s.schemaPath}'` : ''}${s.database ? ` (${s.database})` : ''}`,
            )
            ctx.out(
              `${c.green('✓')} ${result.revisions} revisions load, one head (${result.heads.join(', ') || 'base'}); ${databases}${schemas.join('')}`,
            )
          }
        }
        if (!result.ok) {
          const schema = result.problems.some((p) => p.kind === 'schema')
          const drift = result.problems.some((p) => p.kind === 'drift')
          const changed = result.problems.some((p) => p.kind === 'changed')
          ctx.err(
            `${ctx.errColors.red(ctx.errColors.bold('error:'))} check found ${result.problems.length} problem${result.problems.length === 1 ? '' : 's'}; ${schema ? `the declared schema changed without a revision: write one with 'retort revision --autogenerate -m "..."'` : changed ? "an applied revision was edited: restore it, or accept the edit with 'retort check --allow-changed REV'" : drift ? "the database was changed outside the revisions: undo the change, or write a revision that makes it and 'retort stamp' it" : "fix them and run 'retort check' again"}`,
          )
          return EXIT_ERROR
        }
        return undefined
      }),
    )
}
