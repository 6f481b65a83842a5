// The floor of loading a script directory: list `versions/` and read every file's text with
// bare synchronous calls (no header parsing, no graph), in a fresh process like graph-case.
// argv: scriptDirectory
import { closeSync, openSync, readdirSync, readSync } from 'node:fs'
import { join } from 'node:path'

const versions = join(process.argv[2], 'versions')
const start = performance.now()
const buffer = Buffer.allocUnsafe(64 * 1024)
let characters = 0
for (const name of readdirSync(versions)) {
  const fd = openSync(join(versions, name), 'r')
  const length = readSync(fd, buffer, 0, buffer.length, 0)
  closeSync(fd)
  characters += buffer.toString('utf8', 0, length).length
}
const floorMs = performance.now() - start
if (characters === 0) throw new Error('read nothing')
console.log(JSON.stringify({ floorMs }))
