import {
  createColorsFor,
  renderError,
  useColor
} from "./chunk-SP72UY5Z.js";
import {
  UsageError
} from "./chunk-5ET7NFFB.js";
import {
  consoleLogger
} from "./chunk-JK4IOFY3.js";
import {
  printableText
} from "./chunk-GIXIUV57.js";
import {
  Config
} from "./chunk-CHEN7WAF.js";
import {
  urlSecrets
} from "./chunk-44ZXWH5S.js";
import {
  ConfigError
} from "./chunk-XC2ICKFH.js";

// ../core/dist/config/load-config.js
import { readFileSync } from "node:fs";
import { isAbsolute, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

// ../core/dist/config/read-simple-yaml.js
function readSimpleYaml(text) {
  if (!SIMPLE_TEXT.test(text))
    return void 0;
  const result = {};
  let keys = 0;
  for (const raw of text.split("\n")) {
    const line = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
    if (line.includes("\r"))
      return void 0;
    if (line.startsWith("#") || line.trim() === "")
      continue;
    const match = KEY_LINE.exec(line);
    if (match === null)
      return void 0;
    const key = match[1];
    let value = match[2];
    const comment = value.indexOf(" #");
    if (comment !== -1)
      value = value.slice(0, comment);
    value = value.trimEnd();
    if (!PLAIN_STRING.test(value) || RESERVED.has(value))
      return void 0;
    if (Object.hasOwn(result, key))
      return void 0;
    result[key] = value;
    keys++;
  }
  return keys === 0 ? void 0 : result;
}
var SIMPLE_TEXT = /^[\x20-\x7e\r\n]*$/;
var KEY_LINE = /^([A-Za-z][A-Za-z0-9_]*): +(\S.*)$/;
var PLAIN_STRING = /^[A-Za-z/$_](?:[^:#]|:(?! |$)|(?<! )#)*$/;
var RESERVED = /* @__PURE__ */ new Set([
  "null",
  "Null",
  "NULL",
  "true",
  "True",
  "TRUE",
  "false",
  "False",
  "FALSE"
]);

// ../core/dist/config/load-config.js
var CONFIG_FILE_NAMES = Object.freeze(["retort.yaml", "retort.yml"]);
var CONFIG_ENV_VARIABLE = "RETORT_CONFIG";
async function loadConfig(options) {
  const { env = process.env, name } = options;
  const cwd = toPath(options.cwd);
  if (!isAbsolute(cwd)) {
    throw new ConfigError(`loadConfig: cwd '${cwd}' is relative; pass an absolute directory`);
  }
  const chosen = options.file !== void 0 ? { path: resolve(cwd, toPath(options.file)), from: "" } : env[CONFIG_ENV_VARIABLE] ? { path: resolve(cwd, env[CONFIG_ENV_VARIABLE]), from: ` (from ${CONFIG_ENV_VARIABLE})` } : void 0;
  if (chosen !== void 0) {
    const text = readText(chosen.path);
    if (text === void 0) {
      throw new ConfigError(`config file '${chosen.path}'${chosen.from} does not exist; check the path, or run 'retort init' to create one`);
    }
    return configFromText(text, chosen.path, env, name);
  }
  const found = [];
  for (const fileName of CONFIG_FILE_NAMES) {
    const path = join(cwd, fileName);
    const text = readText(path);
    if (text !== void 0)
      found.push({ path, text });
  }
  const [first, second] = found;
  if (first === void 0) {
    throw new ConfigError(`no config file '${join(cwd, CONFIG_FILE_NAMES[0])}' (nor ${CONFIG_FILE_NAMES.slice(1).join(", ")}); run 'retort init' to create one, or pass the file with -c or ${CONFIG_ENV_VARIABLE}`);
  }
  if (second !== void 0) {
    throw new ConfigError(`both '${first.path}' and '${second.path}' exist; keep one of them`);
  }
  return configFromText(first.text, first.path, env, name);
}
async function configFromText(text, path, env, name) {
  const simple = readSimpleYaml(text);
  if (simple !== void 0) {
    return new Config(simple, { path, name, env, lines: simpleLines(text) });
  }
  const { parseConfig } = await import("./parse-config-6DDU2EFB.js");
  return parseConfig(text, path, env, name);
}
function simpleLines(text) {
  const lines = /* @__PURE__ */ new Map();
  text.split("\n").forEach((line, index) => {
    const key = /^([A-Za-z][A-Za-z0-9_]*):/.exec(line)?.[1];
    if (key !== void 0 && !lines.has(key))
      lines.set(key, index + 1);
  });
  return lines;
}
function readText(path) {
  try {
    return readFileSync(path, "utf8");
  } catch (error) {
    const code = error.code;
    if (code === "ENOENT" || code === "ENOTDIR")
      return void 0;
    const reason = error instanceof Error ? error.message : String(error);
    throw new ConfigError(`config file '${path}' cannot be read (${reason}); check the path and its permissions`, {
      cause: error
    });
  }
}
function toPath(location) {
  return location instanceof URL || location.startsWith("file:") ? fileURLToPath(location) : location;
}

// dist/dialect-packages.js
var CLI_DIALECT_PACKAGES = Object.freeze({
  "@retort/dialect-sqlite": () => import("./dist-LFF75ONQ.js"),
  "@retort/dialect-postgres": () => import("./dist-LPNOVH64.js"),
  "@retort/dialect-mysql": () => import("./dist-CF5OKDIN.js")
});

// dist/render/render-statement-event.js
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
  CONFIG_FILE_NAMES,
  CONFIG_ENV_VARIABLE,
  loadConfig,
  CLI_DIALECT_PACKAGES,
  action
};
