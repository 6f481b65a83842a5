import {
  CONFIG_DEFAULTS,
  CONFIG_KEYS,
  UnresolvedDatabase,
  checkKeyName,
  describeKey,
  interpolateEnv,
  isPlainObject,
  normalizeConfigEntry,
  normalizeConfigValues
} from "./chunk-EPNWZYBP.js";
import {
  nearestName
} from "./chunk-VGZQQMLJ.js";
import {
  maskSecrets,
  maskUrl
} from "./chunk-44ZXWH5S.js";
import {
  ConfigError
} from "./chunk-XC2ICKFH.js";

// ../core/dist/config/config.js
import { dirname, isAbsolute, normalize, resolve } from "node:path";
import { fileURLToPath } from "node:url";
var _a;
var Config = class {
  #path;
  #name;
  #top;
  #own;
  #lines;
  /** Top-level keys changed by `set()`: their file lines no longer apply. */
  #setInCode = /* @__PURE__ */ new Set();
  constructor(values = {}, options = {}) {
    this.#path = configPath(options.path);
    this.#lines = options.lines;
    const source = { file: this.#path, prefix: "", lines: this.#lines };
    this.#top = normalizeConfigValues(topLevel(values, source, options.env), source, options.env);
    this.#own = {};
    this.#name = options.name;
    if (options.name !== void 0)
      this.#entry(options.name);
  }
  /** The config file, absolute; `undefined` for values passed in code. */
  get path() {
    return this.#path;
  }
  /** The config file's directory: the base of relative paths. */
  get directory() {
    return this.#path === void 0 ? void 0 : dirname(this.#path);
  }
  /** The selected `databases` entry, if any. */
  get name() {
    return this.#name;
  }
  /**
   * The effective value of a key, checked and normalised (`transactionPerMigration` is read
   * from `transactionMode`), or the key's default. An unknown key is a ConfigError naming
   * the nearest known one.
   *
   * @example
   * ```ts
   * const table = config.get('versionTable') // 'retort_version'
   * ```
   */
  get(key) {
    checkKeyName(key, { file: void 0, prefix: "" });
    if (key === "settings")
      return this.settings;
    if (key === "transactionPerMigration") {
      const mode = this.transactionMode;
      return mode === "none" ? void 0 : mode === "each";
    }
    return this.#lookup(key) ?? CONFIG_DEFAULTS[key];
  }
  /**
   * Sets a key (checked like a file value); `undefined` removes it. Returns the config.
   *
   * @example
   * ```ts
   * config.set('url', `sqlite:///${dbPath}`).set('lockTimeout', 5000)
   * ```
   */
  set(key, value) {
    checkKeyName(key, { file: void 0, prefix: "" });
    if (key === "databases" && this.#name !== void 0) {
      throw new ConfigError(`'databases' cannot be set on the config of database '${this.#name}'; set it on the top-level config`);
    }
    const target = this.#name === void 0 ? this.#top : this.#own;
    const stored = key === "transactionPerMigration" ? "transactionMode" : key;
    if (value === void 0) {
      delete target[stored];
      return this;
    }
    const [name, normalized] = normalizeConfigEntry(key, value, { file: void 0, prefix: "" });
    target[name] = normalized;
    if (target === this.#top)
      this.#setInCode.add(name);
    return this;
  }
  /**
   * How messages name the key's effective value: the file, line and dotted key it comes
   * from (`/app/retort.yaml:6: 'databases.main.url'`), or `config key 'url'` when it was
   * set in code.
   *
   * @example
   * ```ts
   * throw new Error(`${config.describeKey('url')} must name a PostgreSQL database`)
   * ```
   */
  describeKey(key) {
    const stored = key === "transactionPerMigration" ? "transactionMode" : key;
    const top = { file: this.#path, prefix: "", lines: this.#lines };
    if (this.#name !== void 0) {
      const prefix = `databases.${this.#name}.`;
      if (Object.hasOwn(this.#own, stored))
        return `config key '${prefix}${key}'`;
      if (Object.hasOwn(this.#entry(this.#name), stored)) {
        return describeKey({ ...top, prefix }, key);
      }
    }
    if (this.#setInCode.has(stored))
      return `config key '${key}'`;
    return describeKey(top, key);
  }
  /**
   * The free-form values for the env module (`settings:` in `retort.yaml`): the top level's,
   * with the selected database entry's settings over them one by one. Retort does not read
   * them.
   *
   * @example
   * ```ts
   * const tenant = ctx.config.settings['tenant'] ?? 'default'
   * ```
   */
  get settings() {
    const merged = {};
    for (const layer of this.#layers()) {
      const settings = layer["settings"];
      if (isPlainObject(settings))
        Object.assign(merged, settings);
    }
    return Object.freeze(merged);
  }
  /**
   * `scriptLocation` as an absolute path.
   *
   * @example
   * ```ts
   * const versions = path.join(config.scriptLocation, 'versions')
   * ```
   */
  get scriptLocation() {
    const value = this.#lookup("scriptLocation");
    if (value === void 0) {
      throw new ConfigError(this.#path === void 0 ? `no 'scriptLocation' in the config; pass scriptLocation (an absolute path or a file URL) or the migrations themselves` : `no 'scriptLocation' in ${this.#path}; set it to the directory of the revisions (scriptLocation: migrations)`);
    }
    return this.#resolve(value, "scriptLocation");
  }
  /**
   * `versionLocations` as absolute paths; `undefined` when not set (the script directory's
   * `versions/` is used).
   *
   * @example
   * ```ts
   * for (const dir of config.versionLocations ?? []) console.log(dir)
   * ```
   */
  get versionLocations() {
    const value = this.#lookup("versionLocations");
    return value?.map((item, index) => this.#resolve(item, `versionLocations[${index}]`));
  }
  /**
   * The database URL, password included (print it with {@link maskUrl}).
   *
   * @example
   * ```ts
   * const dialect = config.url ? await dialectForUrl(config.url, { baseDir: config.directory }) : undefined
   * ```
   */
  get url() {
    return this.#lookup("url");
  }
  /**
   * The version table and its schema.
   *
   * @example
   * ```ts
   * const { name, schema } = config.versionTable // { name: 'retort_version', schema: undefined }
   * ```
   */
  get versionTable() {
    return Object.freeze({
      name: this.get("versionTable"),
      schema: this.#lookup("versionTableSchema")
    });
  }
  /**
   * How revisions are wrapped in transactions (default `'each'`).
   *
   * @example
   * ```ts
   * if (config.transactionMode === 'none') logger.warn('revisions run without transactions')
   * ```
   */
  get transactionMode() {
    return this.get("transactionMode");
  }
  /**
   * Wait for another process's migration lock, in ms (default 60000).
   *
   * @example
   * ```ts
   * config.lockTimeout // 60000
   * ```
   */
  get lockTimeout() {
    return this.get("lockTimeout");
  }
  /**
   * The `backup` setting with `dir` as an absolute path; `undefined` when backups are off.
   *
   * @example
   * ```ts
   * config.backup // { dir: '/srv/app/backups', keep: 3 }
   * ```
   */
  get backup() {
    const value = this.#lookup("backup");
    if (value === void 0 || value === false)
      return void 0;
    return Object.freeze({
      keep: value.keep,
      ...value.dir === void 0 ? {} : { dir: this.#resolve(value.dir, "backup.dir") }
    });
  }
  /**
   * Whether a failed run that could not roll back restores the backup (default `true`).
   *
   * @example
   * ```ts
   * config.restoreOnFailure // true
   * ```
   */
  get restoreOnFailure() {
    return this.#lookup("restoreOnFailure") ?? true;
  }
  /**
   * `templateCache` as an absolute path, when set.
   *
   * @example
   * ```ts
   * config.templateCache // '/srv/app/.cache/templates'
   * ```
   */
  get templateCache() {
    const value = this.#lookup("templateCache");
    return value === void 0 ? void 0 : this.#resolve(value, "templateCache");
  }
  /**
   * The name of new revision files, without extension (default `{rev}_{slug}`).
   *
   * @example
   * ```ts
   * config.fileTemplate // '{rev}_{slug}'
   * ```
   */
  get fileTemplate() {
    return this.get("fileTemplate");
  }
  /**
   * The language of new revision files (default `'ts'`).
   *
   * @example
   * ```ts
   * const extension = config.revisionFormat === 'yaml' ? '.yaml' : `.${config.revisionFormat}`
   * ```
   */
  get revisionFormat() {
    return this.get("revisionFormat");
  }
  /**
   * IANA time zone for dates in new revision files; `undefined`: the system's.
   *
   * @example
   * ```ts
   * new Intl.DateTimeFormat('en-CA', { timeZone: config.timezone }).format(new Date())
   * ```
   */
  get timezone() {
    return this.#lookup("timezone");
  }
  /**
   * Commands to run on a newly written revision file.
   *
   * @example
   * ```ts
   * for (const hook of config.postWriteHooks) console.log(hook.command, hook.args)
   * ```
   */
  get postWriteHooks() {
    return this.#lookup("postWriteHooks") ?? [];
  }
  /**
   * The names of the `databases` entries, in file order.
   *
   * @example
   * ```ts
   * config.databaseNames // ['main', 'analytics']
   * ```
   */
  get databaseNames() {
    return Object.freeze(Object.keys(this.#databases()));
  }
  /**
   * Every `databases` entry as its own config, by name (what a multi-database env module
   * iterates).
   *
   * @example
   * ```ts
   * for (const [name, db] of ctx.config.databases) {
   *   await ctx.runMigrations({ name, dialect: await dialectForUrl(db.url!, { baseDir: db.directory }) })
   * }
   * ```
   */
  get databases() {
    return new Map(this.databaseNames.map((name) => [name, this.forDatabase(name)]));
  }
  /**
   * The config of one `databases` entry: its keys over the top level. Throws a ConfigError
   * listing the known names when there is no such entry.
   *
   * @example
   * ```ts
   * const analytics = config.forDatabase('analytics')
   * analytics.versionTable.name
   * ```
   */
  forDatabase(name) {
    if (name === this.#name)
      return this;
    return this.#copy(name);
  }
  /**
   * An independent copy (same file, same selected database).
   *
   * @example
   * ```ts
   * const mine = config.clone().set('versionTable', 'app_version')
   * ```
   */
  clone() {
    const copy = this.#copy(this.#name);
    Object.assign(copy.#own, copyValues(this.#own));
    return copy;
  }
  /**
   * The effective values (known keys with their defaults), as stored: locations as given,
   * the URL with its password, a `databases` entry that uses an unset variable as written.
   *
   * @example
   * ```ts
   * for (const [key, value] of config.entries()) console.log(key, value)
   * ```
   */
  entries() {
    const keys = /* @__PURE__ */ new Set();
    for (const key of CONFIG_KEYS)
      if (key !== "transactionPerMigration")
        keys.add(key);
    for (const layer of this.#layers())
      for (const key of Object.keys(layer))
        keys.add(key);
    const out = [];
    for (const key of keys) {
      const value = key === "databases" ? this.#top["databases"] : key === "settings" ? this.#lookup("settings") === void 0 ? void 0 : this.settings : this.get(key);
      if (value !== void 0)
        out.push([key, value]);
    }
    return out;
  }
  /**
   * The effective values, safe to print: locations as absolute paths (when they resolve),
   * every `url` (and every URL in `settings`) with its password replaced by `***`.
   *
   * @example
   * ```ts
   * console.log(JSON.stringify(config, null, 2))
   * ```
   */
  toJSON() {
    const out = {};
    for (const [key, value] of this.entries())
      out[key] = this.#printable(key, value);
    return out;
  }
  #printable(key, value) {
    if (key === "url" && typeof value === "string")
      return maskUrl(value);
    if (key === "settings" && isPlainObject(value)) {
      return maskStrings(value);
    }
    if (key === "scriptLocation")
      return this.#tryResolve(value, key);
    if (key === "versionLocations") {
      return value.map((item) => this.#tryResolve(item, key));
    }
    if (key === "databases" && isPlainObject(value)) {
      return Object.fromEntries(Object.entries(value).map(([name, entry]) => [
        name,
        Object.fromEntries(Object.entries(entry instanceof UnresolvedDatabase ? entry.values : entry).map(([k, v]) => [k, this.#printable(k, v)]))
      ]));
    }
    return value;
  }
  #tryResolve(value, key) {
    try {
      return this.#resolve(value, key);
    } catch {
      return value instanceof URL ? value.href : value;
    }
  }
  #resolve(value, key) {
    if (value instanceof URL)
      return fileURLToPath(value);
    if (isAbsolute(value))
      return normalize(value);
    const directory = this.directory;
    if (directory === void 0) {
      throw new ConfigError(`config key '${key}' is the relative path '${value}' and there is no config file to resolve it against; pass an absolute path or a file URL (new URL('./${value}', import.meta.url))`);
    }
    return resolve(directory, value);
  }
  #layers() {
    return this.#name === void 0 ? [this.#top] : [this.#top, this.#entry(this.#name), this.#own];
  }
  #lookup(key) {
    const layers = this.#layers();
    for (let index = layers.length - 1; index >= 0; index -= 1) {
      const layer = layers[index];
      if (Object.hasOwn(layer, key) && !(key === "databases" && index > 0))
        return layer[key];
    }
    return void 0;
  }
  #databases() {
    return this.#top["databases"] ?? {};
  }
  #entry(name) {
    const databases = this.#databases();
    if (Object.hasOwn(databases, name)) {
      const entry = databases[name];
      if (entry instanceof UnresolvedDatabase)
        throw entry.error;
      return entry;
    }
    const names = Object.keys(databases);
    const where = this.#path ?? "the config";
    const near = nearestName(name, names);
    throw new ConfigError(names.length === 0 ? `no database '${name}' in ${where}: it has no 'databases' section; add databases: { ${name}: { url: ... } } or do not select a database` : `no database '${name}' in ${where}; ${near === void 0 ? "" : `did you mean '${near}'? `}known names: ${names.join(", ")}`);
  }
  #copy(name) {
    const copy = new _a(copyValues(this.#top), {
      path: this.#path,
      name,
      lines: this.#lines
    });
    for (const key of this.#setInCode)
      copy.#setInCode.add(key);
    return copy;
  }
};
_a = Config;
function topLevel(values, source, env) {
  if (env === void 0 || !isPlainObject(values))
    return values;
  for (const key of Object.keys(values))
    checkKeyName(key, source);
  const out = {};
  for (const [key, value] of Object.entries(values)) {
    out[key] = key === "databases" ? value : interpolateEnv(value, env, source.file ?? "config values", key, { lines: source.lines });
  }
  return out;
}
function maskStrings(value) {
  if (typeof value === "string")
    return maskSecrets(value);
  if (Array.isArray(value))
    return value.map(maskStrings);
  if (isPlainObject(value)) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, maskStrings(item)]));
  }
  return value;
}
function configPath(path) {
  if (path === void 0)
    return void 0;
  if (path instanceof URL || path.startsWith("file:"))
    return fileURLToPath(path);
  if (!isAbsolute(path)) {
    throw new ConfigError(`the config path '${path}' is relative; pass an absolute path or a file URL`);
  }
  return normalize(path);
}
function copyValues(values) {
  const out = {};
  for (const [key, value] of Object.entries(values))
    out[key] = copyValue(value);
  return out;
}
function copyValue(value) {
  if (Array.isArray(value))
    return value.map(copyValue);
  if (isPlainObject(value))
    return copyValues(value);
  return value;
}

export {
  Config
};
