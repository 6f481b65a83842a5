import {
  HEADER_KEYS,
  RevisionMap,
  ScriptDirectory,
  Squashes,
  checkBody,
  checkExportNames,
  checkHeaderValue,
  createRevision,
  describeValue,
  moduleExports,
  revisionChecksum,
  revisionModuleText
} from "./chunk-MILIBH32.js";
import {
  ConfigError,
  RevisionError,
  RevisionFileError
} from "./chunk-XC2ICKFH.js";

// ../core/dist/script/module-source.js
async function moduleSource(migrations) {
  let entries;
  if (Array.isArray(migrations)) {
    entries = migrations.map((value, index) => ({
      where: `migrations[${index}]`,
      path: void 0,
      value
    }));
  } else if (typeof migrations === "object" && migrations !== null) {
    const record = migrations;
    entries = Object.keys(record).sort().map((key) => ({ where: key, path: key, value: record[key] }));
  } else {
    throw new ConfigError(`migrations must be a list of revision modules or a record of them by path (import.meta.glob output), not ${describeValue(migrations)}`);
  }
  const modules = await Promise.all(entries.map(({ where, value }) => typeof value === "function" ? importEntry(value, where) : value));
  const revisions = [];
  const sources = /* @__PURE__ */ new Map();
  entries.forEach(({ where, path }, index) => {
    const module = modules[index];
    if (typeof module !== "object" || module === null) {
      throw new RevisionFileError(where, void 0, `is not a revision module (got ${describeValue(module)}); pass the module namespace, e.g. import * as r1 from './versions/r1.js'`);
    }
    const exports = moduleExports(module);
    const revision = createRevision(readModuleHeader(exports, where), path);
    revisions.push(revision);
    sources.set(revision, { exports, where, text: revisionModuleText(module) });
  });
  return new ModuleSource(Object.freeze(revisions), sources);
}
var ModuleSource = class {
  revisions;
  #sources;
  #bodies = /* @__PURE__ */ new Map();
  constructor(revisions, sources) {
    this.revisions = revisions;
    this.#sources = sources;
  }
  /** The checksum of the module's YAML text, or of its header and function sources. */
  checksum(revision) {
    const text = this.#sources.get(revision)?.text;
    return text === void 0 ? void 0 : revisionChecksum(text);
  }
  async load(revision) {
    const cached = this.#bodies.get(revision);
    if (cached !== void 0)
      return cached;
    const source = this.#sources.get(revision);
    if (source === void 0) {
      throw new RevisionError("unknown-revision-module", `revision '${revision.id}' is not one of the modules passed as migrations; load it through the source that produced it`);
    }
    const body = checkBody(source.exports, revision, source.where);
    this.#bodies.set(revision, body);
    return body;
  }
};
async function importEntry(load, where) {
  try {
    return await load();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const failure = new RevisionFileError(where, void 0, `failed to import: ${reason.replace(/\s+/g, " ").trim()}; fix the error in this module`);
    failure.cause = error;
    throw failure;
  }
}
function readModuleHeader(exports, where) {
  if (exports["revision"] === void 0) {
    throw new RevisionFileError(where, void 0, `exports no 'revision'; a revision module exports const revision = '<id>' (with downRevision, upgrade and downgrade)`);
  }
  checkExportNames(exports, where);
  const header = {};
  for (const key of HEADER_KEYS) {
    const value = exports[key];
    const problem = checkHeaderValue(key, value, "script");
    if (problem !== void 0)
      throw new RevisionFileError(where, void 0, problem);
    if (value !== void 0)
      header[key] = value;
  }
  if (header["downRevision"] === void 0) {
    throw new RevisionFileError(where, void 0, `revision '${header["revision"]}' exports no 'downRevision'; export const downRevision = null for a root revision, the parent's id, or a list of ids for a merge`);
  }
  return header;
}

// ../core/dist/commands/load-revisions.js
async function loadRevisions(config, options = {}) {
  if (options.revisions !== void 0)
    return options.revisions;
  if (options.migrations !== void 0) {
    const source = await moduleSource(options.migrations);
    const { revisions: revisions2, squashes: squashes2 } = Squashes.split(source.revisions);
    return { source, map: new RevisionMap(revisions2), envPath: void 0, squashes: squashes2 };
  }
  const directory = await ScriptDirectory.openAsync({
    scriptLocation: config.scriptLocation,
    ...config.versionLocations === void 0 ? {} : { versionLocations: config.versionLocations }
  });
  const { revisions, squashes } = Squashes.split(directory.revisions);
  return {
    source: directory,
    map: new RevisionMap(revisions),
    envPath: directory.envPath,
    squashes
  };
}

export {
  loadRevisions
};
