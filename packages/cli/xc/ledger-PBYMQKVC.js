import {
  formatLedgers
} from "./chunk-K6MY32RN.js";
import {
  action
} from "./chunk-RV7KD7JF.js";
import "./chunk-UVKTCPMY.js";
import "./chunk-5ET7NFFB.js";
import "./chunk-QGM4M3NI.js";

// dist/commands/ledger.js
import { ledger } from "@retort/core/commands/ledger";
import { printableText } from "@retort/core/env/printable-text";
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
