// Child processes that run a migration of their own, for the concurrency and crash tests
// of the dialects. A child prints JSON lines: {"ready":true} once loaded, then waits for a
// line on stdin ('go'), runs, and prints its result as its last line.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process'
import { setTimeout as sleep } from 'node:timers/promises'
import type { Dialect } from '@retort/core'

/** A running child: `ready` once loaded, `done` with its last JSON line (or the signal that ended it). */
export interface MigrateChild {
  readonly process: ChildProcessWithoutNullStreams
  readonly ready: Promise<void>
  readonly done: Promise<Record<string, unknown>>
}

/** Starts `node script ...args`. */
export function spawnMigrateChild(script: string, args: readonly string[]): MigrateChild {
  const process_ = spawn(process.execPath, [script, ...args], { stdio: ['pipe', 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
  let onReady: () => void = () => {}
  const ready = new Promise<void>((resolve) => (onReady = resolve))
  process_.stdout.on('data', (chunk) => {
    stdout += String(chunk)
    if (stdout.includes('"ready"')) onReady()
  })
  process_.stderr.on('data', (chunk) => (stderr += String(chunk)))
  const done = new Promise<Record<string, unknown>>((resolve, reject) => {
    process_.once('error', reject)
    process_.once('exit', (code, signal) => {
      if (signal !== null) return resolve({ signal })
      try {
        resolve(JSON.parse(stdout.trim().split('\n').pop() ?? '') as Record<string, unknown>)
      } catch {
        reject(new Error(`child exited ${code}: ${stdout} ${stderr}`))
      }
    })
  })
  return { process: process_, ready, done }
}

/** Waits until `check` returns true, asking again after each short pause. */
export async function waitUntil(check: () => Promise<boolean>): Promise<void> {
  while (!(await check())) await sleep(20)
}

/**
 * Waits until `check` returns true while every child still runs; fails, with the child's
 * output, when one ends first (`what` says what was awaited).
 */
export async function waitWhileRunning(
  children: readonly MigrateChild[],
  what: string,
  check: () => Promise<boolean>,
): Promise<void> {
  let settled = false
  const endedFirst = new Promise<never>((_, reject) => {
    for (const child of children) {
      child.done.then(
        (output) => {
          if (!settled) reject(new Error(`a child ended before ${what}: ${JSON.stringify(output)}`))
        },
        (error: unknown) => {
          if (!settled) reject(error)
        },
      )
    }
  })
  try {
    await Promise.race([waitUntil(async () => settled || (await check())), endedFirst])
  } finally {
    settled = true
  }
}

/**
 * Runs `count` children at once, for certain: this process holds `dialect`'s migration lock
 * (on `retort_version`) while they start, and releases it only when `waiting()` (what the
 * server shows) counts all of them waiting for it. Resolves with their outputs.
 */
export async function runAllWaitingForTheLock(
  dialect: Dialect,
  count: number,
  start: () => MigrateChild,
  waiting: () => Promise<number>,
): Promise<Record<string, unknown>[]> {
  const driver = dialect.createDriver()
  const holder = await driver.connect()
  const lock = dialect.createAdapter()
  const options = { versionTable: { name: 'retort_version' }, timeoutMs: 0 }
  try {
    await lock.acquireMigrationLock(holder, options)
    const children = Array.from({ length: count }, start)
    await Promise.all(children.map((child) => child.ready))
    for (const child of children) child.process.stdin.end('go\n')
    await waitWhileRunning(
      children,
      `all ${count} waited for the lock`,
      async () => (await waiting()) === count,
    )
    await lock.releaseMigrationLock(holder, options)
    return await Promise.all(children.map((child) => child.done))
  } finally {
    await holder.close()
    await driver.destroy()
  }
}
