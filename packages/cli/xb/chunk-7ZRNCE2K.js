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
  InsideSquashError
} from "./chunk-MILIBH32.js";
import {
  IncompleteMigrationError,
  RetortError,
  UnknownDatabaseRevisionError,
  UnreadableProgressError
} from "./chunk-XC2ICKFH.js";

// ../core/dist/commands/current.js
async function current(config, options = {}) {
  const loaded = await loadRevisions(config, options);
  const squashes = loaded.squashes;
  const databases = (await runAction(config, loaded, { kind: "current" }, options)).map((database) => {
    const heads = squashes === void 0 || squashes.isEmpty ? database.heads : squashes.normalizeRows(database.heads);
    const inside = heads.flatMap((id) => {
      const place = squashes?.placeOf(id);
      return place === void 0 ? [] : [{ revision: id, squash: place.squash }];
    });
    return {
      ...database,
      heads,
      revisions: heads.filter((id) => loaded.map.has(id)).map((id) => revisionInfo(loaded.map, loaded.map.get(id))),
      ...inside.length > 0 ? { insideSquash: inside } : {}
    };
  });
  const last = databases[databases.length - 1];
  const rows = last?.heads ?? [];
  if (options.checkHeads) {
    for (const database of databases) {
      if (database.unreadableProgress !== void 0) {
        throw new UnreadableProgressError(database.unreadableProgress);
      }
      if (database.incomplete !== void 0)
        throw new IncompleteMigrationError(database.incomplete);
      for (const row of database.heads) {
        const place = squashes?.placeOf(row);
        if (place !== void 0) {
          throw new InsideSquashError(row, place.squash, squashes.remaining(row).missing, database.name);
        }
      }
      const unknown = database.heads.filter((id) => !loaded.map.has(id));
      if (unknown.length > 0)
        throw new UnknownDatabaseRevisionError(unknown);
      const expected = loaded.map.effectiveHeads;
      const at = new Set(database.heads);
      const missing = expected.filter((id) => !at.has(id));
      const extra = database.heads.filter((id) => !expected.includes(id));
      if (missing.length > 0 || extra.length > 0) {
        throw new RetortError("not-at-head", `the database${database.name ? ` '${database.name}'` : ""} is at ${list(database.heads)} but the head${expected.length === 1 ? " is" : "s are"} ${list(expected)}; run 'retort upgrade heads'`);
      }
    }
  }
  return {
    heads: rows,
    revisions: last?.revisions ?? [],
    databases,
    ...last?.incomplete ? { incomplete: last.incomplete } : {},
    ...last?.unreadableProgress ? { unreadableProgress: last.unreadableProgress } : {}
  };
}
function list(ids) {
  return ids.length === 0 ? "base" : ids.map((id) => `'${id}'`).join(", ");
}

export {
  current
};
