#!/usr/bin/env node
/**
 * Fails when the sources of the packages (`packages/*\/src/**\/*.ts`) import each other in a
 * circle. Every static import counts, `import type` and `export ... from` alike, and so do
 * `import('./x.js').T` type references; a dynamic `import()` call does not (it is how core
 * loads a dialect or a revision on demand, and it makes no load-order dependency).
 * `@retort/PKG` and `@retort/core/PATH` resolve to the sources, as in the tests.
 *
 * Prints one line per circle (its files in import order) and exits 1, or says there is none.
 *
 *   node scripts/check-import-cycles.mjs        (pnpm check:cycles)
 */
import { readdirSync, readFileSync, existsSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')

/** Every `.ts` source file under `packages/*\/src`, as paths relative to the root. */
export function sourceFiles(root = ROOT) {
  const files = []
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name)
      if (entry.isDirectory()) walk(path)
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) files.push(path)
    }
  }
  const packages = join(root, 'packages')
  for (const name of readdirSync(packages)) {
    const src = join(packages, name, 'src')
    if (existsSync(src) && statSync(src).isDirectory()) walk(src)
  }
  return files.map((file) => relative(root, file)).sort()
}

/** The module names a file imports statically (value and type imports, re-exports). */
export function importedNames(text, fileName = 'file.ts') {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, false)
  const names = []
  const visit = (node) => {
    if (
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
      node.moduleSpecifier !== undefined &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      names.push(node.moduleSpecifier.text)
    } else if (
      ts.isImportEqualsDeclaration(node) &&
      ts.isExternalModuleReference(node.moduleReference) &&
      ts.isStringLiteral(node.moduleReference.expression)
    ) {
      names.push(node.moduleReference.expression.text)
    } else if (
      ts.isImportTypeNode(node) &&
      ts.isLiteralTypeNode(node.argument) &&
      ts.isStringLiteral(node.argument.literal)
    ) {
      names.push(node.argument.literal.text)
    }
    ts.forEachChild(node, visit)
  }
  visit(source)
  return names
}

/** The source file a module name stands for, or `undefined` (a package outside the repo). */
function resolveImport(root, from, name, known) {
  let target
  if (name.startsWith('.')) {
    target = join(dirname(from), name)
  } else {
    const match = /^@retort\/([^/]+)(?:\/(.+))?$/.exec(name)
    if (match === null) return undefined
    const [, pkg, sub] = match
    target = join('packages', pkg, 'src', sub ?? 'index')
    if (sub === 'testing') target = join('packages', pkg, 'src', 'testing', 'index')
  }
  const base = target.replace(/\.(m?js|ts)$/, '')
  for (const candidate of [`${base}.ts`, join(base, 'index.ts')]) {
    if (known.has(candidate)) return candidate
  }
  return undefined
}

/** The import graph: file -> the source files it imports. */
export function importGraph(root = ROOT) {
  const files = sourceFiles(root)
  const known = new Set(files)
  const graph = new Map()
  for (const file of files) {
    const targets = new Set()
    for (const name of importedNames(readFileSync(join(root, file), 'utf8'), file)) {
      const target = resolveImport(root, file, name, known)
      if (target !== undefined && target !== file) targets.add(target)
    }
    graph.set(file, [...targets].sort())
  }
  return graph
}

/**
 * The circles of a graph: its strongly connected components of more than one file (Tarjan),
 * each given as one loop through it, starting at its first file in name order.
 */
export function importCycles(graph) {
  const index = new Map()
  const low = new Map()
  const stack = []
  const onStack = new Set()
  const components = []
  let counter = 0
  const connect = (start) => {
    // Iterative, so a deep import chain cannot overflow the stack.
    const frames = [{ node: start, next: 0 }]
    index.set(start, counter)
    low.set(start, counter++)
    stack.push(start)
    onStack.add(start)
    while (frames.length > 0) {
      const frame = frames.at(-1)
      const edges = graph.get(frame.node) ?? []
      if (frame.next < edges.length) {
        const to = edges[frame.next++]
        if (!index.has(to)) {
          index.set(to, counter)
          low.set(to, counter++)
          stack.push(to)
          onStack.add(to)
          frames.push({ node: to, next: 0 })
        } else if (onStack.has(to)) {
          low.set(frame.node, Math.min(low.get(frame.node), index.get(to)))
        }
        continue
      }
      frames.pop()
      if (frames.length > 0) {
        const parent = frames.at(-1).node
        low.set(parent, Math.min(low.get(parent), low.get(frame.node)))
      }
      if (low.get(frame.node) === index.get(frame.node)) {
        const component = []
        let member
        do {
          member = stack.pop()
          onStack.delete(member)
          component.push(member)
        } while (member !== frame.node)
        if (component.length > 1) components.push(component.sort())
      }
    }
  }
  for (const node of graph.keys()) if (!index.has(node)) connect(node)
  return components
    .map((component) => loopThrough(graph, new Set(component), component[0]))
    .sort((a, b) => a[0].localeCompare(b[0]))
}

/** A shortest loop from `start` back to itself inside `members` (breadth first). */
function loopThrough(graph, members, start) {
  const previous = new Map([[start, undefined]])
  const queue = [start]
  while (queue.length > 0) {
    const node = queue.shift()
    for (const to of graph.get(node) ?? []) {
      if (!members.has(to)) continue
      if (to === start) {
        const loop = [node]
        for (let at = previous.get(node); at !== undefined; at = previous.get(at)) loop.unshift(at)
        return loop
      }
      if (!previous.has(to)) {
        previous.set(to, node)
        queue.push(to)
      }
    }
  }
  return [...members]
}

/** `a -> b -> c -> a (N files in the circle)` lines, one per circle. */
export function describeCycles(graph, cycles) {
  return cycles.map((loop) => {
    const size = componentSize(graph, loop[0])
    return `${[...loop, loop[0]].join(' -> ')}${size > loop.length ? ` (${size} files in the circle)` : ''}`
  })
}

function componentSize(graph, start) {
  // Files reachable from start that reach start back.
  const reach = (from, edges) => {
    const seen = new Set([from])
    const queue = [from]
    while (queue.length > 0) {
      for (const to of edges(queue.shift()) ?? []) {
        if (!seen.has(to)) {
          seen.add(to)
          queue.push(to)
        }
      }
    }
    return seen
  }
  const reverse = new Map()
  for (const [from, tos] of graph) {
    for (const to of tos) reverse.set(to, [...(reverse.get(to) ?? []), from])
  }
  const forward = reach(start, (n) => graph.get(n))
  const backward = reach(start, (n) => reverse.get(n))
  return [...forward].filter((n) => backward.has(n)).length
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const graph = importGraph()
  const cycles = importCycles(graph)
  const edges = [...graph.values()].reduce((sum, tos) => sum + tos.length, 0)
  if (cycles.length === 0) {
    console.log(`no import cycles among ${graph.size} files of packages/*/src (${edges} imports)`)
  } else {
    console.error(
      `${cycles.length} import cycle(s) among ${graph.size} files of packages/*/src (${edges} imports):`,
    )
    for (const line of describeCycles(graph, cycles)) console.error(`  ${line}`)
    process.exitCode = 1
  }
}
