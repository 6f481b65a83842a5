// The generated parts of a Markdown file sit between `<!-- generated:NAME -->` and
// `<!-- /generated:NAME -->`; the prose around them is written by hand.

/**
 * `text` with the content between each pair of markers replaced by `blocks[NAME]`. Every
 * marker must have a block and every block a marker, so a renamed block cannot go stale.
 *
 * @param {string} text
 * @param {Readonly<Record<string, string>>} blocks
 * @param {string} file for error messages
 */
export function fillGenerated(text, blocks, file) {
  const seen = new Set()
  const filled = text.replace(
    /(<!-- generated:([\w-]+) -->\n)([\s\S]*?)(<!-- \/generated:\2 -->)/g,
    (_all, start, name, _old, end) => {
      if (!(name in blocks)) throw new Error(`${file}: no generator for the block '${name}'`)
      seen.add(name)
      // Blank lines around the block: the way prettier writes Markdown.
      return `${start}\n${blocks[name].replace(/\n*$/, '\n')}\n${end}`
    },
  )
  const missing = Object.keys(blocks).filter((name) => !seen.has(name))
  if (missing.length > 0) {
    throw new Error(
      `${file}: no markers for ${missing.map((name) => `'${name}'`).join(', ')}; add <!-- generated:NAME --> ... <!-- /generated:NAME -->`,
    )
  }
  return filled
}
