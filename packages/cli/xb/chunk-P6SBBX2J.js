import {
  RETORT_VERSION,
  appendLedger,
  appliedByOf,
  displayName,
  ledgerState,
  ledgerTableOf,
  readLedger,
  runOnline,
  runSettings,
  visitDatabases
} from "./chunk-RIM6BJKO.js";
import {
  loadRevisions
} from "./chunk-YR7QAPBI.js";
import {
  sourceChecksum
} from "./chunk-MILIBH32.js";
import {
  printableText
} from "./chunk-GIXIUV57.js";

// ../core/dist/commands/ledger.js
async function ledger(config, options = {}) {
  const loaded = await loadRevisions(config, options);
  const { map, source } = loaded;
  const results = [];
  await visitDatabases(config, loaded, options, false, async (dialect, runOptions) => {
    const target = runOptions.name === void 0 ? config : config.forDatabase(runOptions.name);
    const settings = runSettings(config, runOptions, options);
    const table = ledgerTableOf(target, settings.versionTable);
    let rows = await readLedger(dialect, table);
    const adopted = [];
    if (options.adopt === true) {
      const state = await runOnline(dialect, source, map, { kind: "current" }, settings);
      const known = ledgerState(rows);
      const applied = map.ancestors(state.heads.filter((id) => map.has(id)));
      const appliedBy = appliedByOf(target);
      const entries = map.topologicalOrder.filter((id) => applied.has(id) && !known.has(id)).map((id) => {
        adopted.push(id);
        return {
          revision: id,
          direction: "up",
          checksum: sourceChecksum(source, map.get(id)) ?? null,
          outcome: "adopted",
          ranAt: (/* @__PURE__ */ new Date()).toISOString(),
          durationMs: 0,
          retortVersion: RETORT_VERSION,
          appliedBy,
          note: "applied before the ledger recorded it; checksum of the file as adopted"
        };
      });
      await appendLedger(dialect, table, entries);
      if (entries.length > 0)
        rows = await readLedger(dialect, table);
    }
    results.push(Object.freeze({
      name: runOptions.name,
      table: displayName(table),
      rows: Object.freeze(rows),
      adopted: Object.freeze(adopted)
    }));
  });
  return results;
}

// dist/render/format-ledger.js
function formatLedgers(ledgers, c) {
  const lines = [];
  for (const database of ledgers) {
    const title = `ledger ${printableText(database.table)}${database.name ? ` (${printableText(database.name)})` : ""}`;
    lines.push(c.bold(title));
    if (database.rows.length === 0) {
      lines.push(c.dim("  no rows yet: the next upgrade writes them; 'retort ledger --adopt' records what is applied"));
      continue;
    }
    for (const row of database.rows) {
      const outcome = row.outcome === "failed" ? c.red(row.outcome.padEnd(8)) : row.outcome === "applied" ? c.green(row.outcome.padEnd(8)) : c.yellow(row.outcome.padEnd(8));
      const checksum = row.checksum === null ? "-" : `${row.checksum.slice(0, 19)}\u2026`;
      const by = row.appliedBy === null ? "" : `  by ${printableText(row.appliedBy)}`;
      const note = row.note === null ? "" : c.dim(`  ${printableText(row.note)}`);
      lines.push(`  ${c.dim(row.ranAt)}  ${row.direction.padEnd(4)} ${c.yellow(printableText(row.revision))}  ${outcome} ${`${row.durationMs} ms`.padStart(8)}  ${checksum}  retort ${printableText(row.retortVersion)}${by}${note}`);
    }
  }
  return lines;
}

export {
  ledger,
  formatLedgers
};
