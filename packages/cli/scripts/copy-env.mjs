// Copies the repository's env templates into this package (run by `prepack`), so that
// `retort init` finds them in an installed @retort/cli: init walks up from dist/ to the
// first env/ folder holding a `default` template.
import { cpSync, rmSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const from = fileURLToPath(new URL('../../../env', import.meta.url))
const to = fileURLToPath(new URL('../env', import.meta.url))
rmSync(to, { recursive: true, force: true })
cpSync(from, to, { recursive: true })
