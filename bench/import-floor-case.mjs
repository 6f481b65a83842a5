// What importing a script directory's revision files costs by itself: every file in
// `versions/` imported natively, eight at a time (as the runtime imports ahead of the step
// that runs), in a fresh process. argv: scriptDirectory
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

const versions = join(process.argv[2], 'versions')
const files = readdirSync(versions)
  .sort()
  .map((name) => pathToFileURL(join(versions, name)).href)
const start = performance.now()
let next = 0
const worker = async () => {
  while (next < files.length) {
    const module = await import(files[next++])
    if (typeof module.upgrade !== 'function') throw new Error('a revision without upgrade')
  }
}
await Promise.all(Array.from({ length: 8 }, worker))
console.log(JSON.stringify({ importMs: performance.now() - start }))
