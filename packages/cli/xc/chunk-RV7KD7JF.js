import {
  createColorsFor,
  renderError,
  useColor
} from "./chunk-UVKTCPMY.js";
import {
  UsageError
} from "./chunk-5ET7NFFB.js";

// dist/dialect-packages.js
var CLI_DIALECT_PACKAGES = Object.freeze({
  "@retort/dialect-sqlite": () => import("@retort/dialect-sqlite"),
  "@retort/dialect-postgres": () => import("@retort/dialect-postgres"),
  "@retort/dialect-mysql": () => import("@retort/dialect-mysql")
});

// dist/cli-context.js
import { loadConfig } from "@retort/core/config/load-config";
import { urlSecrets } from "@retort/core/config/mask-url";
import { consoleLogger } from "@retort/core/env/logger";

// dist/render/render-statement-event.js
import { printableText } from "@retort/core/env/printable-text";
function renderStatementEvent(event) {
  switch (event.type) {
    case "statement": {
      const sql = event.sql.trim().split("\n").map(printableText).join("\n     ");
      const n = event.parameterCount;
      return `sql: ${sql}${n === 0 ? "" : `  (${n} bound value${n === 1 ? "" : "s"}, not shown)`}`;
    }
    case "transaction":
      return `sql: ${event.action.toUpperCase()} (transaction)`;
    default:
      return void 0;
  }
}

// dist/cli-context.js
var CliContext = class {
  flags;
  io;
  /** Colours of stdout. */
  colors;
  /** Colours of stderr. */
  errColors;
  logger;
  #xArgs;
  #intercept;
  #config;
  constructor(flags, io) {
    this.flags = flags;
    this.io = io;
    this.colors = createColorsFor(useColor(io.stdout, io.env, this.json));
    this.errColors = createColorsFor(useColor(io.stderr, io.env, false));
    const stream = {
      write: (text) => this.#intercept ? this.#intercept(text) : io.stderr.write(text)
    };
    this.logger = consoleLogger({ level: flags.debug ? "debug" : "info", stream });
  }
  get json() {
    return this.flags.json === true;
  }
  get debug() {
    return this.flags.debug === true;
  }
  /** Whether live progress can be drawn (a terminal on stderr, not `--json`). */
  get interactive() {
    return this.io.stderr.isTTY === true && !this.json && this.io.env["CI"] === void 0;
  }
  /** Routes log lines through `write` (a progress line clears and redraws itself around them); `undefined` restores stderr. */
  interceptLog(write) {
    this.#intercept = write;
  }
  /** Writes lines to stdout. */
  out(...lines) {
    for (const line of lines)
      this.io.stdout.write(`${line}
`);
  }
  /** Writes lines to stderr. */
  err(...lines) {
    for (const line of lines)
      this.io.stderr.write(`${line}
`);
  }
  /** Prints one JSON document on stdout. */
  printJson(value) {
    this.io.stdout.write(`${JSON.stringify(value, null, 2)}
`);
  }
  /** The `-x KEY=VALUE` arguments. */
  get xArgs() {
    if (this.#xArgs === void 0) {
      const out = {};
      for (const item of this.flags.x ?? []) {
        const at = item.indexOf("=");
        if (at <= 0)
          throw new UsageError(`-x expects KEY=VALUE, not '${item}'`);
        out[item.slice(0, at)] = item.slice(at + 1);
      }
      this.#xArgs = Object.freeze(out);
    }
    return this.#xArgs;
  }
  /** Loads the config named by `-c`, `RETORT_CONFIG` or found in the current directory; `-n` selects a database. */
  async loadConfig() {
    this.#config = await loadConfig({
      file: this.flags.config,
      cwd: this.io.cwd,
      env: this.io.env,
      name: this.flags.name
    });
    return this.#config;
  }
  /**
   * The passwords of the URLs this command was given (`-x` values, the config's `url` of
   * the top level and of every `databases` entry it can resolve), and the value of a `-x`
   * key that names a secret (`password`, `token` ...): the error output masks them.
   */
  secrets() {
    const found = [];
    for (const item of this.flags.x ?? []) {
      const at = item.indexOf("=");
      if (at <= 0)
        continue;
      const value = item.slice(at + 1);
      found.push(...urlSecrets(value));
      if (/pass|secret|token|key|pwd/i.test(item.slice(0, at)))
        found.push(value);
    }
    const config = this.#config;
    if (config !== void 0) {
      const urls = [config.url];
      for (const name of config.databaseNames) {
        try {
          urls.push(config.forDatabase(name).url);
        } catch {
        }
      }
      for (const url of urls)
        if (url !== void 0)
          found.push(...urlSecrets(url));
    }
    return found;
  }
  /**
   * The options every core command takes: `-x` arguments, the logger, the CLI's own dialect
   * packages (for a project that has none installed),
   * and with `--debug` the SQL of the run as it goes (see {@link renderStatementEvent}).
   */
  commandOptions(extraXArgs = {}) {
    return {
      xArgs: { ...this.xArgs, ...extraXArgs },
      logger: this.logger,
      dialectPackages: CLI_DIALECT_PACKAGES,
      onEvent: this.debug ? this.#traceStatements : void 0
    };
  }
  #traceStatements = (event) => {
    const line = renderStatementEvent(event);
    if (line !== void 0)
      this.logger.debug(line);
  };
};

// dist/command-kit.js
function action(kit, handler) {
  return async (...params) => {
    const command = params[params.length - 1];
    const options = params[params.length - 2];
    const args = params.slice(0, -2);
    const ctx = new CliContext(command.optsWithGlobals(), kit.io);
    try {
      kit.exitCode = await handler(ctx, args, options) ?? 0;
    } catch (error) {
      kit.exitCode = renderError({
        colors: ctx.errColors,
        stderr: kit.io.stderr,
        json: ctx.json ? kit.io.stdout : void 0,
        debug: ctx.debug,
        secrets: ctx.secrets()
      }, error);
    }
  };
}

export {
  CLI_DIALECT_PACKAGES,
  action
};
