// The app's own logger. Retort is handed this object and writes nothing by itself: every
// line the app prints, Retort's included, goes through here with the app's prefix and level.

const LEVELS = ['debug', 'info', 'warn', 'error']

/**
 * A logger with Retort's shape (debug/info/warn/error) writing `[notes] level: message`
 * lines to the given stream.
 *
 * @param {{ level?: 'debug' | 'info' | 'warn' | 'error', stream?: { write(text: string): unknown } }} [options]
 */
export function createAppLogger({ level = 'info', stream = process.stdout } = {}) {
  const threshold = LEVELS.indexOf(level)
  const at = (name) => (message) => {
    if (LEVELS.indexOf(name) >= threshold) stream.write(`[notes] ${name}: ${message}\n`)
  }
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') }
}
