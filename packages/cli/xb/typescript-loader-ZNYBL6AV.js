import "./chunk-QGM4M3NI.js";

// ../core/dist/script/typescript-loader.js
import { createHash } from "node:crypto";
import { existsSync, lstatSync, mkdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { builtinModules, createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, extname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
function isTypeScriptPath(path) {
  return path.endsWith(".ts") || path.endsWith(".mts");
}
var CACHE_FORMAT = "retort-ts-5";
function transformOptions(path) {
  return { transforms: ["typescript"], disableESTransforms: true, filePath: path };
}
var TypeScriptLoader = class {
  #option;
  #tools = new Tools();
  /** The cache directory chosen for each source directory (`undefined`: none usable). */
  #cacheFor = /* @__PURE__ */ new Map();
  /** Set after a failed write: this loader then keeps nothing. */
  #cacheBroken = false;
  constructor(options = {}) {
    this.#option = options.cacheDirectory;
  }
  /**
   * Compiles `path` (and the TypeScript files it imports) and imports it; resolves to the
   * module namespace. Throws an `Error` naming the file for a syntax error or an import that
   * does not resolve.
   *
   * @example
   * ```ts
   * const { default: env } = (await new TypeScriptLoader().import('/app/migrations/env.ts')) as {
   *   default: unknown
   * }
   * ```
   */
  async import(path) {
    const graph = /* @__PURE__ */ new Map();
    const root = resolve(path);
    await this.#collect(root, graph);
    let url;
    try {
      url = new Emitter(graph, void 0).url(root);
    } catch (error) {
      if (!(error instanceof NeedsCacheFiles))
        throw error;
      url = new Emitter(graph, (file) => this.#cacheDirectory(file)).url(root);
    }
    return import(
      /* webpackIgnore: true */
      /* @vite-ignore */
      url
    );
  }
  /** Compiles `path` and every TypeScript file it reaches into `graph` (once each). */
  async #collect(path, graph) {
    const pending = [path];
    while (pending.length > 0) {
      const current = pending.pop();
      if (graph.has(current))
        continue;
      const file = await this.#compile(current);
      graph.set(current, file);
      for (const target of file.targets) {
        if (target?.kind === "typescript" && !graph.has(target.path))
          pending.push(target.path);
      }
    }
  }
  /** One file compiled (or read from the cache), its imports resolved. */
  async #compile(path) {
    const source = readFileSync(path, "utf8");
    const key = digest(CACHE_FORMAT, await this.#tools.version(), path, source);
    const directory = this.#cacheDirectory(path);
    const trailer = sourceUrlLine(path);
    const ready = directory === void 0 ? void 0 : join(directory, `${key}.mjs`);
    if (ready !== void 0 && existsSync(ready)) {
      return { path, key, url: pathToFileURL(ready).href, code: "", sites: [], targets: [] };
    }
    const entry = directory === void 0 ? void 0 : join(directory, `${key}.js`);
    let code = entry && readEntry(entry, trailer);
    let sites;
    if (code === void 0) {
      code = await compile(this.#tools, source, path);
      sites = await this.#tools.parseImports(code);
      if (sites.every((site) => isLocationFree(site.specifier))) {
        const stored = ready !== void 0 && this.#storeReady(ready, code);
        const url = stored ? pathToFileURL(ready).href : void 0;
        return { path, key, url, code, sites: [], targets: [] };
      }
      if (entry !== void 0)
        this.#store(entry, code, trailer);
    } else {
      sites = await this.#tools.parseImports(code);
    }
    const targets = [];
    for (const site of sites)
      targets.push(await this.#resolve(site.specifier, path));
    return { path, key, url: void 0, code, sites, targets };
  }
  /** Writes a ready module through a rename; whether it is there. */
  #storeReady(file, code) {
    if (this.#cacheBroken)
      return false;
    if (writeAtomically(file, code))
      return true;
    this.#cacheBroken = true;
    return false;
  }
  /** What `specifier`, imported by `path`, stands for; `undefined`: the same everywhere. */
  async #resolve(specifier, path) {
    if (isLocationFree(specifier))
      return void 0;
    let target;
    const core = isCoreSpecifier(specifier) ? coreEntry(specifier) : void 0;
    if (core !== void 0) {
      target = core;
    } else if (isRelative(specifier)) {
      target = resolveRelative(specifier, path);
    } else {
      let url;
      try {
        url = await this.#tools.resolvePackage(specifier, pathToFileURL(path).href);
      } catch (error) {
        throw new Error(`cannot resolve '${specifier}' imported from '${path}' (${oneLine(error)}); install the package or correct the import`, { cause: error });
      }
      if (!url.startsWith("file:"))
        return { kind: "url", url };
      target = fileURLToPath(url);
    }
    return isTypeScriptPath(target) ? { kind: "typescript", path: target } : { kind: "url", url: pathToFileURL(target).href };
  }
  /**
   * Writes a cache entry in one call that fails if the file exists: another process wrote
   * it (the same bytes) or is writing it. Any other failure (read-only, full) ends caching
   * for this loader; a file cut short earlier is replaced through a rename. (Writing in the
   * background instead saved no time and held the pending texts: more memory.)
   */
  #store(file, text, trailer) {
    if (this.#cacheBroken)
      return;
    try {
      writeFileSync(file, text, { flag: "wx" });
    } catch (error) {
      if (error.code !== "EEXIST")
        this.#cacheBroken = true;
      else if (readEntry(file, trailer) === void 0 && !writeAtomically(file, text)) {
        this.#cacheBroken = true;
      }
    }
  }
  /** The cache directory for the file at `path`, created on first use; `undefined`: none. */
  #cacheDirectory(path) {
    if (this.#cacheBroken || this.#option === false)
      return void 0;
    const from = dirname(path);
    if (this.#cacheFor.has(from))
      return this.#cacheFor.get(from);
    const candidates = this.#option === void 0 ? defaultCacheDirectories(from) : [resolve(this.#option)];
    const chosen = candidates.find((candidate) => usableDirectory(candidate));
    this.#cacheFor.set(from, chosen);
    return chosen;
  }
};
var NeedsCacheFiles = class extends Error {
};
var DATA_URL_LIMIT = 1 << 20;
var Emitter = class {
  #graph;
  #directoryOf;
  #urls = /* @__PURE__ */ new Map();
  #visiting = /* @__PURE__ */ new Set();
  constructor(graph, directoryOf) {
    this.#graph = graph;
    this.#directoryOf = directoryOf;
  }
  url(path) {
    const known = this.#urls.get(path);
    if (known !== void 0)
      return known;
    const file = this.#graph.get(path);
    if (file.url !== void 0)
      return file.url;
    const importsTypeScript = file.targets.some((target) => target?.kind === "typescript");
    if (this.#directoryOf === void 0 || !importsTypeScript) {
      if (this.#visiting.has(path))
        throw new NeedsCacheFiles(path);
      this.#visiting.add(path);
      const text = this.#link(file);
      if (text.length > DATA_URL_LIMIT)
        throw new NeedsCacheFiles(path);
      const url2 = dataUrl(text);
      this.#visiting.delete(path);
      this.#urls.set(path, url2);
      return url2;
    }
    const directory = this.#directoryOf(path);
    if (directory === void 0) {
      throw new Error(`'${path}' is part of an import cycle (or a large graph) of TypeScript files, which needs a writable cache directory; make node_modules/.cache/retort (or the system's temporary directory) writable, or move what the files share into a file of its own`);
    }
    const entry = join(directory, `${this.#name(path)}.mjs`);
    const url = pathToFileURL(entry).href;
    this.#urls.set(path, url);
    if (!existsSync(entry) && !writeAtomically(entry, this.#link(file))) {
      throw new Error(`cannot write '${entry}' for '${path}', part of an import cycle (or a large graph) of TypeScript files; make the directory writable, or move what the files share into a file of its own`);
    }
    return url;
  }
  /** The file's code with each import replaced by the absolute URL it stands for. */
  #link(file) {
    let linked = "";
    let last = 0;
    file.sites.forEach((site, index) => {
      const target = file.targets[index];
      if (target === void 0)
        return;
      const url = target.kind === "url" ? target.url : this.url(target.path);
      linked += file.code.slice(last, site.start) + JSON.stringify(url);
      last = site.end;
    });
    return linked + file.code.slice(last);
  }
  /** A hash of every file `path` reaches: their paths, sources and resolved imports. */
  #name(path) {
    const reached = /* @__PURE__ */ new Set([path]);
    for (const current of reached) {
      for (const target of this.#graph.get(current).targets) {
        if (target?.kind === "typescript")
          reached.add(target.path);
      }
    }
    const parts = [CACHE_FORMAT, path];
    for (const current of [...reached].sort()) {
      const file = this.#graph.get(current);
      parts.push(current, file.key);
      for (const target of file.targets) {
        parts.push(target === void 0 ? "" : target.kind === "url" ? target.url : `ts:${target.path}`);
      }
    }
    return digest(...parts);
  }
};
function writeAtomically(file, text) {
  const temporary = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    writeFileSync(temporary, text, { flag: "wx" });
    renameSync(temporary, file);
    return true;
  } catch {
    try {
      unlinkSync(temporary);
    } catch {
    }
    return false;
  }
}
function sourceUrlLine(path) {
  return `
//# sourceURL=${pathToFileURL(path).href}
`;
}
function readEntry(file, trailer) {
  const text = readIfPresent(file);
  return text !== void 0 && text.endsWith(trailer) ? text : void 0;
}
function defaultCacheDirectory(directory) {
  return defaultCacheDirectories(directory)[0];
}
function defaultCacheDirectories(directory) {
  const shared = join(tmpdir(), `retort-cache-${process.getuid?.() ?? "user"}`);
  for (let current = resolve(directory); ; current = dirname(current)) {
    if (isDirectory(join(current, "node_modules"))) {
      return [join(current, "node_modules", ".cache", "retort"), shared];
    }
    if (dirname(current) === current)
      return [shared];
  }
}
function usableDirectory(directory) {
  try {
    mkdirSync(directory, { recursive: true, mode: 448 });
    const stats = lstatSync(directory);
    if (!stats.isDirectory())
      return false;
    if (directory.startsWith(tmpdir())) {
      const uid = process.getuid?.();
      if (uid !== void 0 && stats.uid !== uid)
        return false;
      if ((stats.mode & 18) !== 0)
        return false;
    }
    return true;
  } catch {
    return false;
  }
}
function isDirectory(path) {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
function readIfPresent(file) {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return void 0;
  }
}
async function compile(tools, source, path) {
  let code;
  try {
    code = await tools.transform(source, path);
  } catch (error) {
    throw new Error(`${oneLine(error)} in '${path}'`, { cause: error });
  }
  if (code.startsWith("#!"))
    code = `//${code}`;
  const prelude = /\bimport\s*\.\s*meta\b/.test(code) ? `import.meta.url=${JSON.stringify(pathToFileURL(path).href)};import.meta.filename=${JSON.stringify(path)};import.meta.dirname=${JSON.stringify(dirname(path))};` : "";
  return `${prelude}${code}${sourceUrlLine(path)}`;
}
function isLocationFree(specifier) {
  if (specifier.startsWith("node:") || specifier.startsWith("data:"))
    return true;
  return BUILTINS.has(specifier);
}
var BUILTINS = new Set(builtinModules);
function isRelative(specifier) {
  return specifier.startsWith("./") || specifier.startsWith("../") || specifier.startsWith("/") || specifier.startsWith("file:") || specifier === "." || specifier === "..";
}
var EXTENSIONS = [".ts", ".mts", ".js", ".mjs", ".cjs", ".json"];
var SOURCE_OF = { ".js": ".ts", ".mjs": ".mts" };
function resolveRelative(specifier, path) {
  const base = specifier.startsWith("file:") ? fileURLToPath(specifier) : resolve(dirname(path), specifier);
  const extension = extname(base);
  const candidates = [base];
  const source = SOURCE_OF[extension];
  if (source !== void 0)
    candidates.push(base.slice(0, -extension.length) + source);
  for (const ext of EXTENSIONS)
    candidates.push(base + ext);
  for (const ext of EXTENSIONS)
    candidates.push(join(base, `index${ext}`));
  const found = candidates.find(isFile);
  if (found === void 0) {
    throw new Error(`cannot find '${specifier}' imported from '${path}'; correct the path (a TypeScript file can be imported as './name', './name.ts' or './name.js')`);
  }
  return found;
}
function isFile(path) {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
var CORE_PACKAGE = "@retort/core";
function isCoreSpecifier(specifier) {
  return specifier === CORE_PACKAGE || specifier.startsWith(`${CORE_PACKAGE}/`);
}
function coreEntry(specifier) {
  const root = fileURLToPath(new URL("..", import.meta.url));
  if (readPackageName(join(root, "..", "package.json")) !== CORE_PACKAGE)
    return void 0;
  const extension = import.meta.url.endsWith(".ts") ? ".ts" : ".js";
  const subpath = specifier.slice(CORE_PACKAGE.length + 1);
  if (subpath.includes(".."))
    return void 0;
  const names = subpath === "" ? ["index"] : [subpath, `${subpath}/index`];
  return names.map((name) => join(root, name + extension)).find(isFile);
}
function readPackageName(file) {
  try {
    return JSON.parse(readFileSync(file, "utf8")).name;
  } catch {
    return void 0;
  }
}
function dataUrl(code) {
  return `data:text/javascript;base64,${Buffer.from(code).toString("base64")}`;
}
function digest(...parts) {
  let text = "";
  for (const part of parts)
    text += `${part.length}:${part}`;
  return createHash("sha256").update(text).digest("hex").slice(0, 40);
}
function oneLine(error) {
  const text = error instanceof Error ? error.message : String(error);
  return text.replace(/\s+/g, " ").trim();
}
var MAY_IMPORT = /\bimport\b(?!\s*\.)|\bfrom\b/;
var Tools = class {
  #version;
  #sucrase;
  #lexer;
  #resolver;
  /** Part of every cache key: a new compiler or new options never reuse an old result. */
  version() {
    this.#version ??= (async () => {
      let version;
      try {
        const file = createRequire(import.meta.url).resolve("sucrase/package.json");
        const manifest = JSON.parse(readFileSync(file, "utf8"));
        if (typeof manifest.version === "string")
          version = manifest.version;
      } catch {
      }
      version ??= (await this.#loadSucrase()).getVersion();
      return `sucrase ${version} ${JSON.stringify(transformOptions(""))}`;
    })();
    return this.#version;
  }
  async transform(source, path) {
    return (await this.#loadSucrase()).transform(source, transformOptions(path)).code;
  }
  /** The specifiers of `code` (JavaScript) with the offsets of their string literals. */
  async parseImports(code) {
    if (!MAY_IMPORT.test(code))
      return [];
    const lexer = await (this.#lexer ??= import("./lexer-F4RX3B6Z.js").then(async (module) => {
      await module.init;
      return module;
    }));
    const sites = [];
    for (const entry of lexer.parse(code)[0]) {
      if (typeof entry.specifier !== "string")
        continue;
      const quoted = entry.type === "dynamic";
      sites.push({
        specifier: entry.specifier,
        start: quoted ? entry.start : entry.start - 1,
        end: quoted ? entry.end : entry.end + 1
      });
    }
    return sites;
  }
  /** Node's resolution of a package specifier from `parentUrl`. */
  async resolvePackage(specifier, parentUrl) {
    return (await (this.#resolver ??= import("./import-meta-resolve-K6JXU2CZ.js"))).resolve(specifier, parentUrl);
  }
  #loadSucrase() {
    return this.#sucrase ??= import("./dist-25Z2A2GX.js");
  }
};
export {
  TypeScriptLoader,
  defaultCacheDirectory,
  isTypeScriptPath
};
