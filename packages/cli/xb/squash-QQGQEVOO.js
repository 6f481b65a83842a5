import {
  checkAuthoredText,
  commentText,
  formatRevisionDate,
  generateRevisionId,
  jsIds,
  jsString,
  readHeader,
  renderOperationsScript,
  renderOperationsYaml,
  revisionFileName,
  scriptDirectoryOf,
  yamlId,
  yamlIds
} from "./chunk-BSF6W4EY.js";
import "./chunk-MCQS4ULU.js";
import {
  revisionInfo
} from "./chunk-A32KQ27Z.js";
import {
  runAction
} from "./chunk-RIM6BJKO.js";
import {
  loadRevisions
} from "./chunk-YR7QAPBI.js";
import {
  RevisionMap,
  Squashes,
  createRevision
} from "./chunk-MILIBH32.js";
import {
  Operations
} from "./chunk-HZY5M4HB.js";
import "./chunk-RMQOVVDU.js";
import "./chunk-M76B4A3W.js";
import "./chunk-2VBFUHI2.js";
import "./chunk-MO6UAS4U.js";
import "./chunk-55XL33YF.js";
import {
  action
} from "./chunk-PE4J7XNK.js";
import "./chunk-SP72UY5Z.js";
import {
  EXIT_ERROR,
  UsageError
} from "./chunk-5ET7NFFB.js";
import "./chunk-JK4IOFY3.js";
import {
  printableText
} from "./chunk-GIXIUV57.js";
import "./chunk-CHEN7WAF.js";
import "./chunk-EPNWZYBP.js";
import "./chunk-PKVIK35M.js";
import "./chunk-VGZQQMLJ.js";
import "./chunk-44ZXWH5S.js";
import {
  RetortError
} from "./chunk-XC2ICKFH.js";
import "./chunk-QGM4M3NI.js";

// dist/commands/squash.js
import { relative } from "node:path";

// ../core/dist/commands/squash.js
import { existsSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
function squashRange(map, from, to) {
  const refuse = (why) => new RetortError("squash-range", `cannot squash '${from}:${to}': ${why}`);
  if (from === to)
    throw refuse("the range has one revision; squash at least two");
  const below = map.ancestors([to]);
  if (!below.has(from))
    throw refuse(`'${from}' is not an ancestor of '${to}'`);
  const above = map.descendants([from]);
  const members = new Set([...below].filter((id) => above.has(id)));
  for (const id of members) {
    const revision = map.get(id);
    if (revision.replaces.length > 0)
      throw refuse(`'${id}' is itself a squash revision; squash a range of plain revisions`);
    if (revision.branchLabels.length > 0)
      throw refuse(`'${id}' has the branch label${revision.branchLabels.length === 1 ? "" : "s"} ${revision.branchLabels.map((l) => `'${l}'`).join(", ")}, which a squash cannot carry; move the label or squash a range without it`);
    if (id !== from) {
      const outside = revision.downRevisions.find((parent) => !members.has(parent));
      if (outside !== void 0)
        throw refuse(`'${id}' has the parent '${outside}' outside the range, so the range has more than one entry; squash a range that starts at a single revision`);
    }
    for (const dependency of map.dependencies(id)) {
      if (!members.has(dependency) && !map.ancestors(map.get(from).downRevisions).has(dependency))
        throw refuse(`'${id}' depends on '${dependency}', which is neither in the range nor below it`);
    }
    if (id !== to) {
      const child = map.children(id).find((c) => !members.has(c));
      if (child !== void 0)
        throw refuse(`'${id}' has the child '${child}' outside the range, so the range has more than one exit; squash a range that ends at a single revision`);
      const dependent = map.dependents(id).find((d) => !members.has(d));
      if (dependent !== void 0)
        throw refuse(`'${dependent}' outside the range depends on '${id}' inside it; squash a range nothing outside depends on, or up to '${id}'`);
    }
  }
  return map.topologicalOrder.filter((id) => members.has(id));
}
async function squash(config, range, options) {
  checkAuthoredText({ message: options.message, revId: options.revId });
  const loaded = await loadRevisions(config, options);
  const directory = scriptDirectoryOf(loaded);
  const { map, source } = loaded;
  const parts = range.split(":");
  if (parts.length !== 2 || parts[0] === "" || parts[1] === "") {
    throw new RetortError("squash-range", `'${range}' is not a range; write FROM:TO, the oldest and the newest revision to squash (a1b2:c3d4)`);
  }
  const [from, to] = parts.map((identifier) => resolveOne(map, identifier));
  const ids = squashRange(map, from, to);
  const revisions = ids.map((id2) => map.get(id2));
  const id = options.revId ?? generateRevisionId({ has: (x) => map.has(x) || x === "" });
  if (map.has(id)) {
    throw new RetortError("revision-exists", `revision '${id}' already exists; choose another --rev-id`);
  }
  const downRevisions = map.get(from).downRevisions;
  const yaml = revisions.every((r) => r.path !== void 0 && /\.ya?ml$/.test(r.path));
  const now = options.now ?? /* @__PURE__ */ new Date();
  const created = formatRevisionDate(now, config.timezone);
  const text = yaml ? await renderYamlSquash(id, downRevisions, options.message, created, revisions, source) : await renderScriptSquash(id, downRevisions, options.message, created, revisions, source);
  const location = dirname(map.get(to).path ?? directory.versionLocations[0]);
  const name = revisionFileName(config.fileTemplate, {
    rev: id,
    message: options.message,
    date: now,
    timezone: config.timezone
  });
  const path = join(location, `${name}${yaml ? ".yaml" : ".ts"}`);
  if (existsSync(path)) {
    throw new RetortError("revision-file-exists", `the file '${path}' already exists; change the message or the id`);
  }
  const revision = createRevision(readHeader(text, path), path);
  const next = new RevisionMap(Squashes.split([...source.revisions, revision]).revisions);
  writeFileSync(path, text, { flag: "wx" });
  return Object.freeze({
    revision: revisionInfo(next, next.get(id)),
    path,
    format: yaml ? "yaml" : "ts",
    replaces: Object.freeze(ids)
  });
}
function resolveOne(map, identifier) {
  const target = map.resolve(identifier);
  const ids = target.kind === "heads" ? map.heads : target.kind === "revisions" ? target.ids : [];
  if (ids.length !== 1) {
    throw new RetortError("squash-range", `'${identifier}' resolves to ${ids.length === 0 ? "no revision" : `${ids.length} revisions`}; name one revision on each side of FROM:TO`);
  }
  return ids[0];
}
async function recorded(body, revision, which) {
  if (body === void 0) {
    throw new RetortError("squash-body", `revision '${revision.id}' has no ${which}; give it one before squashing it`);
  }
  const op = new Operations({ dialect: "squash", offline: true });
  await body(op);
  return [...op.takePending()];
}
async function renderYamlSquash(id, downRevisions, message, created, revisions, source) {
  const upgrade = [];
  const downgrade = [];
  for (const revision of revisions) {
    const body = await source.load(revision);
    upgrade.push(...await recorded(body.upgrade, revision, "upgrade"));
    downgrade.unshift(await recorded(body.downgrade, revision, "downgrade"));
  }
  const lines = [
    `# ${commentText(message || "(no message)")}`,
    `# Created: ${created}`,
    `# Squash of ${revisions.length} revisions (${revisions[0].id} .. ${revisions[revisions.length - 1].id}): their operations in order.`,
    `revision: ${yamlId(id)}`,
    `downRevision: ${yamlIds(downRevisions, true)}`,
    `message: ${JSON.stringify(message)}`,
    "replaces:",
    ...revisions.map((r) => `  - ${yamlId(r.id)}`)
  ];
  const list = (operations) => operations.length === 0 ? " []" : `
${renderOperationsYaml(operations).replace(/\n$/, "").split("\n").map((line) => `  ${line}`).join("\n")}`;
  lines.push(`upgrade:${list(upgrade)}`);
  lines.push(`downgrade:${list(downgrade.flat())}`);
  return `${lines.join("\n")}
`;
}
async function renderScriptSquash(id, downRevisions, message, created, revisions, source) {
  const upgrades = [];
  const downgrades = [];
  for (const revision of revisions) {
    const body = await source.load(revision);
    const yaml = revision.path !== void 0 && /\.ya?ml$/.test(revision.path);
    const step = async (which) => {
      const fn = body[which];
      if (yaml || fn === void 0) {
        const operations = await recorded(fn, revision, which);
        return [
          `  // ${revision.id}: ${commentText(revision.message)}`,
          "  async (op) => {",
          ...renderOperationsScript(operations).map((line) => `    ${line}`),
          "  },"
        ];
      }
      return [
        `  // ${revision.id}: ${commentText(revision.message)}`,
        ...`${Function.prototype.toString.call(fn)},`.split("\n").map((line) => `  ${line}`)
      ];
    };
    upgrades.push(...await step("upgrade"));
    downgrades.unshift(...await step("downgrade"));
  }
  return [
    "import type { Operations } from '@retort/core'",
    "",
    "/**",
    ` * ${commentText(message || "(no message)")}`,
    " *",
    ` * Created: ${created}`,
    ` * Squash of ${revisions.length} revisions (${revisions[0].id} .. ${revisions[revisions.length - 1].id}): their bodies, called in order.`,
    " * Bodies are copied as they ran (TypeScript compiled to JavaScript); a body that used an",
    " * import of its own file needs that import added here.",
    " */",
    `export const revision = ${jsString(id)}`,
    `export const downRevision = ${jsIds(downRevisions, true)}`,
    `export const replaces = ${jsIds(revisions.map((r) => r.id), false)}`,
    `export const message = ${jsString(message)}`,
    "",
    "const upgrades: ((op: Operations) => unknown)[] = [",
    ...upgrades,
    "]",
    "",
    "const downgrades: ((op: Operations) => unknown)[] = [",
    ...downgrades,
    "]",
    "",
    "export async function upgrade(op: Operations) {",
    "  for (const body of upgrades) await body(op)",
    "}",
    "",
    "export async function downgrade(op: Operations) {",
    "  for (const body of downgrades) await body(op)",
    "}",
    ""
  ].join("\n");
}
async function squashStatus(config, options = {}) {
  const loaded = await loadRevisions(config, options);
  const squashes = loaded.squashes ?? Squashes.NONE;
  const { map } = loaded;
  const states = squashes.isEmpty ? [] : await configuredStates(config, loaded, options);
  return [...squashes.squashes].map(([squash2, replaces]) => {
    const databases = states.map((state) => {
      const inner = state.heads.find((row) => {
        const place = squashes.placeOf(row);
        return place !== void 0 && place.squash === squash2 && !place.last;
      });
      if (inner !== void 0)
        return { name: state.name, position: "inside", row: inner };
      const rows = squashes.normalizeRows(state.heads).filter((row) => map.has(row));
      return {
        name: state.name,
        position: map.ancestors(rows).has(squash2) ? "past" : "before"
      };
    });
    return Object.freeze({
      squash: squash2,
      replaces,
      filesPresent: replaces.filter((id) => squashes.hasFile(id)),
      databases,
      safeToDelete: databases.every((d) => d.position !== "inside")
    });
  });
}
async function configuredStates(config, loaded, options) {
  const each = options.dialect === void 0 && loaded.envPath === void 0 && config.url === void 0 && options.xArgs?.["url"] === void 0 && config.databaseNames.length > 0;
  if (!each)
    return runAction(config, loaded, { kind: "current" }, options);
  const states = [];
  for (const name of config.databaseNames) {
    for (const state of await runAction(config.forDatabase(name), loaded, { kind: "current" }, options))
      states.push({ ...state, name });
  }
  return states;
}

// dist/commands/squash.js
function registerSquash(program, kit) {
  program.command("squash").description("write one revision that replaces the revisions FROM:TO; --status: whether their old files can be deleted").argument("[range]", "FROM:TO, the oldest and the newest revision to squash").option("-m, --message <message>", "what the squash revision is").option("--rev-id <id>", "the id instead of a generated one").option("--status", "for each squash revision: which replaced files remain and whether deleting them strands a configured database").action(action(kit, async (ctx, [range], flags) => {
    const config = await ctx.loadConfig();
    if (flags.status === true) {
      if (range !== void 0)
        throw new UsageError("'squash --status' takes no range; run it without FROM:TO");
      const entries = await squashStatus(config, ctx.commandOptions());
      if (ctx.json) {
        ctx.printJson(entries);
      } else if (entries.length === 0) {
        ctx.out("no squash revision in this script directory");
      } else {
        const c = ctx.colors;
        for (const entry of entries) {
          ctx.out(`${c.yellow(printableText(entry.squash))} replaces ${entry.replaces.length} revisions; ${entry.filesPresent.length} of their files remain`);
          for (const database of entry.databases) {
            const name = database.name ? `database '${printableText(database.name)}'` : "the database";
            ctx.out(`  ${name}: ${database.position === "inside" ? c.red(`inside the squash, at ${printableText(database.row ?? "")}: it needs the replaced files from there on`) : database.position === "past" ? "past the squash" : "before the squash (it will run the squash revision)"}`);
          }
          ctx.out(entry.safeToDelete ? `  ${c.green("\u2713")} deleting the replaced files is safe for the configured databases` : `  ${c.red("\u2717")} not safe: upgrade the databases inside the squash first`);
        }
      }
      return entries.every((e) => e.safeToDelete) ? void 0 : EXIT_ERROR;
    }
    if (range === void 0)
      throw new UsageError("squash needs the range FROM:TO (or --status); e.g. retort squash a1b2:c3d4 -m 'squash 2024'");
    if (flags.message === void 0)
      throw new UsageError("squash needs a message: -m 'squash 2024'");
    const result = await squash(config, range, {
      ...ctx.commandOptions(),
      message: flags.message,
      revId: flags.revId
    });
    if (ctx.json) {
      ctx.printJson({ ...result.revision, path: result.path, format: result.format });
      return void 0;
    }
    ctx.out(`wrote ${relative(ctx.io.cwd, result.path) || result.path}: ${ctx.colors.yellow(result.revision.revision)} replaces ${result.replaces.length} revisions (${printableText(result.replaces[0])} .. ${printableText(result.replaces[result.replaces.length - 1])}); keep their files until 'retort squash --status' says every database has passed it`);
    return void 0;
  }));
}
export {
  registerSquash
};
