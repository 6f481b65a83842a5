import {
  upgrade
} from "./chunk-P3DCI5L3.js";
import {
  databaseFilesOf,
  dialectForUrl,
  projectDirectory
} from "./chunk-RIM6BJKO.js";
import {
  loadRevisions
} from "./chunk-YR7QAPBI.js";
import {
  revisionFileChecksum
} from "./chunk-MILIBH32.js";
import "./chunk-HZY5M4HB.js";
import "./chunk-RMQOVVDU.js";
import "./chunk-2VBFUHI2.js";
import "./chunk-MO6UAS4U.js";
import "./chunk-55XL33YF.js";
import {
  action
} from "./chunk-PE4J7XNK.js";
import "./chunk-SP72UY5Z.js";
import "./chunk-5ET7NFFB.js";
import "./chunk-JK4IOFY3.js";
import "./chunk-GIXIUV57.js";
import "./chunk-CHEN7WAF.js";
import "./chunk-EPNWZYBP.js";
import "./chunk-PKVIK35M.js";
import "./chunk-VGZQQMLJ.js";
import "./chunk-44ZXWH5S.js";
import {
  ConfigError,
  RetortError
} from "./chunk-XC2ICKFH.js";
import "./chunk-QGM4M3NI.js";

// dist/commands/create.js
import { resolve as resolve2 } from "node:path";

// ../core/dist/app/create-database.js
import { randomBytes as randomBytes2 } from "node:crypto";
import { existsSync, linkSync, rmSync as rmSync2, statSync, writeFileSync as writeFileSync2 } from "node:fs";
import { dirname, resolve } from "node:path";

// ../core/dist/app/database-template.js
import { createHash, randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
var TEMPLATE_FORMAT = "retort-template-1";
var SQLITE_HEADER = "SQLite format 3\0";
function templateKey(loaded, dialectName, versionTable) {
  const parts = [
    TEMPLATE_FORMAT,
    dialectName,
    versionTable.schema ?? "",
    versionTable.name,
    `heads=${[...loaded.map.heads].sort().join(",")}`
  ];
  let durable = true;
  for (const id of loaded.map.topologicalOrder) {
    const path = loaded.map.get(id)?.path;
    let checksum = "no-file";
    if (path === void 0)
      durable = false;
    else {
      try {
        checksum = revisionFileChecksum(path);
      } catch {
        durable = false;
      }
    }
    parts.push(`${id}=${checksum}`);
  }
  const key = createHash("sha256").update(JSON.stringify(parts), "utf8").digest("hex");
  return { key, durable };
}
var TemplateStore = class {
  #memory = /* @__PURE__ */ new Map();
  #directory;
  constructor(directory) {
    this.#directory = directory;
  }
  /** The directory of the disk cache, when there is one. */
  get directory() {
    return this.#directory;
  }
  /**
   * The template of `key` and where it came from, or `undefined`.
   *
   * @example
   * ```ts
   * templates.get(key, durable)?.source // 'memory' | 'disk'
   * ```
   */
  get(key, durable) {
    const held = this.#memory.get(key);
    if (held !== void 0)
      return { bytes: held, source: "memory" };
    if (!durable || this.#directory === void 0)
      return void 0;
    try {
      const bytes = readFileSync(join(this.#directory, `${key}.sqlite`));
      if (bytes.subarray(0, 16).toString("latin1") !== SQLITE_HEADER)
        return void 0;
      this.#memory.set(key, bytes);
      return { bytes, source: "disk" };
    } catch {
      return void 0;
    }
  }
  /**
   * Keeps `bytes` as the template of `key` (on disk too when `durable` and a directory was
   * given); returns them.
   *
   * @example
   * ```ts
   * templates.put(key, true, bytes)
   * ```
   */
  put(key, durable, bytes) {
    this.#memory.set(key, bytes);
    if (durable && this.#directory !== void 0) {
      const file = join(this.#directory, `${key}.sqlite`);
      const temporary = `${file}.${randomBytes(6).toString("hex")}.tmp`;
      try {
        mkdirSync(this.#directory, { recursive: true });
        writeFileSync(temporary, bytes, { flag: "wx" });
        renameSync(temporary, file);
      } catch {
        rmSync(temporary, { force: true });
      }
    }
    return bytes;
  }
};

// ../core/dist/app/create-database.js
async function createDatabase(config, path, options = {}) {
  if (typeof path !== "string" || path.trim() === "" || path === ":memory:") {
    throw new ConfigError(`createDatabase needs the path of the new database file, not ${JSON.stringify(path)}`);
  }
  const target = resolve(config.directory ?? process.cwd(), path);
  checkTarget(target);
  const files = await filesFor(config, target, options);
  const loaded = await loadRevisions(config, options);
  const store = options.templates ?? new TemplateStore(options.templateCache);
  const { key, durable } = templateKey(loaded, "sqlite", config.versionTable);
  let template = "built";
  let bytes;
  const found = store.get(key, durable);
  if (found !== void 0) {
    bytes = found.bytes;
    template = found.source;
  } else {
    const memory = files.memory();
    try {
      await upgrade(config, "heads", { ...options, dialect: memory.dialect, revisions: loaded });
      bytes = store.put(key, durable, memory.serialize());
    } finally {
      memory.dispose();
    }
  }
  writeNewFile(target, bytes);
  return Object.freeze({
    path: target,
    heads: Object.freeze([...loaded.map.heads]),
    template,
    bytes: bytes.byteLength
  });
}
function checkTarget(target) {
  if (existsSync(target)) {
    throw new RetortError("database-exists", `'${target}' already exists; createDatabase never overwrites a file: remove it or choose another path`);
  }
  let parent;
  try {
    parent = statSync(dirname(target));
  } catch {
    parent = void 0;
  }
  if (parent === void 0 || !parent.isDirectory()) {
    throw new ConfigError(`the directory of '${target}' does not exist; create '${dirname(target)}' first`);
  }
}
async function filesFor(config, target, options) {
  let dialect = options.dialect;
  if (dialect === void 0 && options.resolveDialect !== void 0) {
    dialect = await options.resolveDialect("sqlite::memory:");
  } else if (dialect === void 0) {
    dialect = await dialectForUrl("sqlite::memory:", {
      baseDir: config.directory,
      projectDir: projectDirectory(config),
      packages: options.dialectPackages
    });
  }
  const files = dialect === void 0 ? void 0 : databaseFilesOf(dialect);
  if (files === void 0) {
    throw new ConfigError(`createDatabase makes SQLite files; the dialect '${dialect?.name ?? "given"}' has no database files: pass dialect: sqliteDialect({ filename: ':memory:' }) (any SQLite dialect; it is not opened)`);
  }
  return files;
}
function writeNewFile(target, bytes) {
  const temporary = `${target}.${randomBytes2(6).toString("hex")}.tmp`;
  try {
    writeFileSync2(temporary, bytes, { flag: "wx" });
    try {
      linkSync(temporary, target);
    } catch (error) {
      if (error.code === "EEXIST") {
        throw new RetortError("database-exists", `'${target}' already exists; createDatabase never overwrites a file: remove it or choose another path`);
      }
      throw error;
    }
  } finally {
    rmSync2(temporary, { force: true });
  }
}

// dist/commands/create.js
function registerCreate(program, kit) {
  program.command("create").description("create a new SQLite database file already at the heads (from a template, without replaying the history)").argument("<path>", "the new database file (never overwritten)").option("--template-cache <dir>", "keep the template in this directory between runs (default: the config key templateCache)").action(action(kit, async (ctx, [path], flags) => {
    const config = await ctx.loadConfig();
    const result = await createDatabase(config, resolve2(ctx.io.cwd, path), {
      ...ctx.commandOptions(),
      templateCache: flags.templateCache === void 0 ? config.templateCache : resolve2(ctx.io.cwd, flags.templateCache)
    });
    if (ctx.json)
      ctx.printJson(result);
    else
      ctx.out(`created '${result.path}' at ${result.heads.join(", ")} (${result.template === "built" ? "template built" : `template from ${result.template}`})`);
  }));
}
export {
  registerCreate
};
