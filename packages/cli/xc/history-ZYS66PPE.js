import {
  formatLedgers
} from "./chunk-K6MY32RN.js";
import {
  formatRevisionList
} from "./chunk-NLWCIG5I.js";
import {
  action
} from "./chunk-RV7KD7JF.js";
import "./chunk-UVKTCPMY.js";
import "./chunk-5ET7NFFB.js";
import "./chunk-QGM4M3NI.js";

// dist/commands/history.js
import { history } from "@retort/core/commands/history";
import { ledger } from "@retort/core/commands/ledger";
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
