// The floor of a whole `upgrade base:head --sql` process: Node starts, reads every revision
// file of the directory (as a header read must) and writes the script, whose statements were
// compiled beforehand, to stdout. argv: versionsDirectory, scriptFile
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

const [versions, scriptFile] = process.argv.slice(2)
let bytes = 0
for (const name of readdirSync(versions).sort()) bytes += readFileSync(join(versions, name)).length
if (bytes === 0) throw new Error('no revision files')
process.stdout.write(readFileSync(scriptFile, 'utf8'))
