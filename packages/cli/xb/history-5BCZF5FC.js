import {
  formatLedgers,
  ledger
} from "./chunk-P6SBBX2J.js";
import {
  formatRevisionList
} from "./chunk-YJ6AAUP6.js";
import {
  revisionInfo
} from "./chunk-A32KQ27Z.js";
import {
  runAction
} from "./chunk-RIM6BJKO.js";
import {
  loadRevisions
} from "./chunk-YR7QAPBI.js";
import "./chunk-MILIBH32.js";
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
import "./chunk-XC2ICKFH.js";
import "./chunk-QGM4M3NI.js";

// ../core/dist/commands/history.js
async function history(config, options = {}) {
  const loaded = await loadRevisions(config, options);
  const { map } = loaded;
  const needsDatabase = options.indicateCurrent === true || options.range !== void 0 && /current|^[+-]|[:@][+-]/.test(options.range);
  let rows;
  if (needsDatabase) {
    const databases = await runAction(config, loaded, { kind: "current" }, options);
    rows = databases[databases.length - 1]?.heads ?? [];
  }
  const range = options.range === void 0 ? {} : map.resolveRange(options.range, { current: rows });
  const current = options.indicateCurrent ? new Set(rows) : void 0;
  return map.history(range).map((revision) => revisionInfo(map, revision, current));
}

// dist/commands/history.js
function registerHistory(program, kit) {
  program.command("history").description("list revisions, newest first").option("-r, --rev <range>", "a range LOWER:UPPER (base:head, ae10:, -3:current)").option("-i, --indicate-current", "read the database and mark the revisions it is at").option("-v, --verbose", "show every detail").option("--ledger", "show what ran when on the database, from its ledger").action(action(kit, async (ctx, _args, flags) => {
    const config = await ctx.loadConfig();
    if (flags.ledger === true) {
      const ledgers = await ledger(config, ctx.commandOptions());
      if (ctx.json)
        ctx.printJson(ledgers);
      else
        ctx.out(...formatLedgers(ledgers, ctx.colors));
      return;
    }
    const list = await history(config, {
      ...ctx.commandOptions(),
      range: flags.rev,
      indicateCurrent: flags.indicateCurrent === true
    });
    if (ctx.json)
      ctx.printJson(list);
    else
      ctx.out(...formatRevisionList(list, ctx.colors, { verbose: flags.verbose, history: true }));
  }));
}
export {
  registerHistory
};
