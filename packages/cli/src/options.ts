import { Option } from './commander.js'
import { REVISION_FORMATS } from '@retort/core/cli'

/** Commander's collector for a repeatable option. */
export function collect(value: string, previous: readonly string[]): string[] {
  return [...previous, value]
}

/** `--format ts|js|yaml` of the commands that write revision files. */
export function formatOption(): Option {
  return new Option(
    '--format <format>',
    'the language of the new file (default: revisionFormat of the config)',
  ).choices([...REVISION_FORMATS])
}
