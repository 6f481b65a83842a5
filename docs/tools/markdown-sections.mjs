// Reading the parts of a Markdown page the docs tests and generators need.

/**
 * The `## heading` sections of a page: `{ heading, body }` in order.
 *
 * @param {string} text
 */
export function sections(text) {
  return text
    .split(/^## /m)
    .slice(1)
    .map((part) => {
      const newline = part.indexOf('\n')
      return { heading: part.slice(0, newline).trim(), body: part.slice(newline + 1) }
    })
}

/**
 * The contents of the fenced code blocks of one info string (`ts`, `yaml`, `ts runnable`),
 * in order.
 *
 * @param {string} body
 * @param {string} info
 */
export function fencedBlocks(body, info) {
  const escaped = info.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  return [...body.matchAll(new RegExp('^```' + escaped + '\\n([\\s\\S]*?)^```$', 'gm'))].map(
    (m) => m[1],
  )
}

/**
 * The first column of the first table whose header cell is `first`, each cell without its
 * backticks.
 *
 * @param {string} body
 * @param {string} first
 */
export function tableKeys(body, first) {
  const lines = body.split('\n')
  const start = lines.findIndex((line) => new RegExp(`^\\|\\s*${first}\\s*\\|`).test(line))
  if (start < 0) return undefined
  const keys = []
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith('|')) break
    keys.push(line.split('|')[1].trim().replace(/^`|`$/g, ''))
  }
  return keys
}
