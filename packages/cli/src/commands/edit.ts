import type { Command } from 'commander'
import { spawn } from 'node:child_process'
import { show } from '@retort/core/cli'
import { RetortError } from '@retort/core/errors'
import { action, type CommandKit } from '../command-kit.js'

/** `retort edit REV`: open a revision's file in `$VISUAL` / `$EDITOR`. */
export function registerEdit(program: Command, kit: CommandKit): void {
  program
    .command('edit')
    .description('open the file of revision REV in $VISUAL or $EDITOR')
    .argument('<rev>', 'an id, a prefix, head, head-1 ...')
    .action(
      action(kit, async (ctx, [rev]) => {
        const config = await ctx.loadConfig()
        const list = await show(config, rev as string, ctx.commandOptions())
        if (list.length !== 1) {
          throw new RetortError(
            'resolution',
            `'${String(rev)}' is ${list.length === 0 ? 'base' : `${list.length} revisions (${list.map((r) => `'${r.revision}'`).join(', ')})`}; name one revision to edit`,
          )
        }
        const path = list[0]!.path
        if (path === null)
          throw new RetortError('revision-file', `revision '${list[0]!.revision}' has no file`)
        const editor = (ctx.io.env['VISUAL'] || ctx.io.env['EDITOR'] || '').trim()
        if (editor === '') {
          throw new RetortError(
            'no-editor',
            `no editor to open '${path}'; set $EDITOR (e.g. export EDITOR=vim)`,
          )
        }
        // $EDITOR may carry arguments ("code --wait"); a shell handles the splitting and quoting.
        const code = await new Promise<number>((resolvePromise, reject) => {
          const child = spawn(`${editor} "$RETORT_EDIT_FILE"`, {
            shell: true,
            stdio: 'inherit',
            env: { ...ctx.io.env, RETORT_EDIT_FILE: path },
          })
          child.on('error', reject)
          child.on('close', (exit) => resolvePromise(exit ?? 1))
        })
        if (code !== 0)
          throw new RetortError(
            'editor-failed',
            `the editor '${editor}' exited with code ${code} on '${path}'`,
          )
        if (ctx.json) ctx.printJson({ revision: list[0]!.revision, path })
      }),
    )
}
