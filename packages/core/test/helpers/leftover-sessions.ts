// Sessions a test left connected to its database are a failure that names them, on every
// server. Nothing here ends a session: a test ends what it opened.
import { setTimeout as sleep } from 'node:timers/promises'

/**
 * How long a session whose client has ended it may stay listed. Clients may report an
 * ending before the server has processed it (pg-pool's `end()` does not wait for its
 * clients; mysql2's `end()` resolves once the QUIT is queued), and such a session is gone
 * within milliseconds; one that stays this long is held open. Not a measure of anything the
 * tests check.
 */
export const SESSION_END_GRACE_MS = 5_000

/**
 * Fails, naming them, when `list()` still returns sessions after those being ended have
 * had {@link SESSION_END_GRACE_MS} to go. `database` is the quoted name for the message.
 */
export async function expectNoLeftoverSessions<T>(
  database: string,
  list: () => Promise<readonly T[]>,
  describe: (session: T) => string,
): Promise<void> {
  let left = await list()
  for (let waited = 0; left.length > 0 && waited < SESSION_END_GRACE_MS; waited += 20) {
    await sleep(20)
    left = await list()
  }
  if (left.length > 0) {
    throw new Error(
      `${left.length} session(s) still connected to the test database ${database} after the test: ${left.map(describe).join('; ')}; end every connection, pool and driver the test opened (a leak in Retort if the test closed all its own)`,
    )
  }
}
