import {
  runAction
} from "./chunk-RIM6BJKO.js";
import {
  loadRevisions
} from "./chunk-YR7QAPBI.js";
import {
  RetortError
} from "./chunk-XC2ICKFH.js";

// ../core/dist/commands/migrate-result.js
async function migrate(config, target, options, makeAction) {
  const loaded = await loadRevisions(config, options);
  let offline;
  let to = target;
  if (options.sql) {
    const split = splitRange(loaded.map, target, makeAction(target).kind);
    offline = { rows: split.from };
    to = split.to;
  }
  const databases = await runAction(config, loaded, makeAction(to), options, offline);
  return {
    applied: databases.flatMap((d) => d.applied),
    heads: databases[databases.length - 1]?.heads ?? [],
    ...options.sql ? { sql: databases.map((d) => d.sql ?? "").join("\n") } : {},
    databases
  };
}
function splitRange(map, target, kind) {
  const colon = target.indexOf(":");
  if (colon < 0) {
    if (kind === "downgrade") {
      throw new RetortError("offline-range", `an offline downgrade needs a range FROM:TO (e.g. 'head:base'), not '${target}': without a database the starting revision must be named`);
    }
    return { from: [], to: target };
  }
  const fromText = target.slice(0, colon).trim();
  const to = target.slice(colon + 1).trim() || "heads";
  const from = startRows(map, fromText);
  checkRangeDirection(map, kind, target, from, to);
  return { from, to };
}
function startRows(map, fromText) {
  if (fromText === "" || fromText === "base")
    return [];
  const from = map.resolve(fromText);
  switch (from.kind) {
    case "base":
      return [];
    case "heads":
      return [...map.heads];
    case "revisions":
      return [...from.ids];
  }
}
function checkRangeDirection(map, kind, range, from, to) {
  if (kind !== "upgrade" && kind !== "downgrade")
    return;
  const target = map.resolve(to, { current: from });
  const applied = map.ancestors(from);
  let wrong;
  if (kind === "upgrade") {
    if (target.kind === "base" && target.branch === void 0 && from.length > 0)
      wrong = "base";
    if (target.kind === "revisions")
      wrong = target.ids.find((id) => applied.has(id) && !from.includes(id));
  } else if (target.kind === "revisions") {
    wrong = target.ids.find((id) => !applied.has(id));
  }
  if (wrong === void 0)
    return;
  const fromEnd = range.slice(0, range.indexOf(":")).trim() || "base";
  const fromRows = from.length === 0 ? "base" : from.map((id) => `'${id}'`).join(", ");
  const [article, way, other] = kind === "upgrade" ? ["an", "up", "downgrade"] : ["a", "down", "upgrade"];
  throw new RetortError("offline-range", `the ${kind} range '${range}' runs the wrong way: '${wrong}' is ${kind === "upgrade" ? "" : "not "}below ${fromRows}; ${article} ${kind} range FROM:TO goes ${way} from FROM to TO, so write '${wrong}:${fromEnd}', or use '${other} --sql ${range}'`);
}

// ../core/dist/commands/upgrade.js
function upgrade(config, target = "heads", options = {}) {
  return migrate(config, target, options, (to) => ({ kind: "upgrade", target: to }));
}

export {
  migrate,
  upgrade
};
