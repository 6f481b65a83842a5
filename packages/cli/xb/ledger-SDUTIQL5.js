import {
  formatLedgers,
  ledger
} from "./chunk-P6SBBX2J.js";
import "./chunk-RIM6BJKO.js";
import "./chunk-YR7QAPBI.js";
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
import {
  printableText
} from "./chunk-GIXIUV57.js";
import "./chunk-CHEN7WAF.js";
import "./chunk-EPNWZYBP.js";
import "./chunk-PKVIK35M.js";
import "./chunk-VGZQQMLJ.js";
import "./chunk-44ZXWH5S.js";
import "./chunk-XC2ICKFH.js";
import "./chunk-QGM4M3NI.js";

// dist/commands/ledger.js
function registerLedger(program, kit) {
  program.command("ledger").description("show the ledger (one row per step run); --adopt records the checksums of what is applied").option("--adopt", "record the checksum of every applied revision the ledger has no row for (databases migrated before the ledger)").action(action(kit, async (ctx, _args, flags) => {
    const config = await ctx.loadConfig();
    const ledgers = await ledger(config, {
      ...ctx.commandOptions(),
      adopt: flags.adopt === true
    });
    if (ctx.json) {
      ctx.printJson(ledgers);
      return;
    }
    if (flags.adopt === true) {
      for (const database of ledgers)
        ctx.out(database.adopted.length === 0 ? `nothing to adopt in ${printableText(database.table)}: every applied revision is in the ledger` : `adopted ${database.adopted.length} revision${database.adopted.length === 1 ? "" : "s"} into ${printableText(database.table)}: ${database.adopted.map(printableText).join(", ")}`);
    }
    ctx.out(...formatLedgers(ledgers, ctx.colors));
  }));
}
export {
  registerLedger
};
