import type { Command } from 'commander'
import { resolve } from 'node:path'
import { RetortError, revision, type RevisionFormat } from '@retort/core'
import { action, type CommandKit } from '../command-kit.js'
import { renderWrittenRevision } from '../render/render-written-revision.js'
import { collect, formatOption } from '../options.js'

interface RevisionFlags {
  readonly message?: string
  readonly autogenerate?: boolean
  readonly head?: string
  readonly splice?: boolean
  readonly branchLabel: string[]
  readonly dependsOn: string[]
  readonly revId?: string
  readonly versionPath?: string
  readonly format?: RevisionFormat
}

/** `retort revision -m MSG`: a new revision file on the current head. */
export function registerRevision(program: Command, kit: CommandKit): void {
  program
    .command('revision')
    .description('create a new revision file whose parent is the current head')
    .option('-m, --message <message>', 'what the revision does')
    .option('--autogenerate', 'compare the database with a model (not supported yet)')
    .option('--head <rev>', "the parent: a head, LABEL@head, or 'base' for a new root")
    .option('--splice', 'allow a parent that is not a head (starts a branch there)')
    .option('--branch-label <label>', 'a branch label for the new revision (repeatable)', collect, [])
    .option('--depends-on <rev>', 'a revision that must be applied first (repeatable)', collect, [])
    .option('--rev-id <id>', 'the id instead of a generated one')
    .option('--version-path <dir>', 'the version location to write to')
    .addOption(formatOption())
    .action(
      action<RevisionFlags>(kit, async (ctx, _args, flags) => {
        if (flags.autogenerate) {
          throw new RetortError(
            'not-supported',
            "--autogenerate is not supported yet: Retort cannot compare a database with a schema model; run 'retort revision -m MESSAGE' and write the operations in upgrade()",
          )
        }
        const config = await ctx.loadConfig()
        const result = await revision(config, {
          ...ctx.commandOptions(),
          message: flags.message,
          head: flags.head,
          splice: flags.splice === true,
          branchLabels: flags.branchLabel,
          dependsOn: flags.dependsOn,
          revId: flags.revId,
          versionPath: flags.versionPath === undefined ? undefined : resolve(ctx.io.cwd, flags.versionPath),
          format: flags.format,
        })
        renderWrittenRevision(ctx, result)
      }),
    )
}
