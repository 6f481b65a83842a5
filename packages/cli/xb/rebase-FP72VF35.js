import {
  databaseConfigured
} from "./chunk-4SAQGND2.js";
import {
  formatRevision
} from "./chunk-YJ6AAUP6.js";
import {
  readHeader,
  scriptDirectoryOf,
  yamlId
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
  createRevision
} from "./chunk-MILIBH32.js";
import "./chunk-HZY5M4HB.js";
import "./chunk-RMQOVVDU.js";
import {
  require_dist
} from "./chunk-M76B4A3W.js";
import "./chunk-2VBFUHI2.js";
import "./chunk-MO6UAS4U.js";
import "./chunk-55XL33YF.js";
import {
  action
} from "./chunk-PE4J7XNK.js";
import "./chunk-SP72UY5Z.js";
import {
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
import {
  __toESM
} from "./chunk-QGM4M3NI.js";

// ../core/dist/commands/rebase.js
var import_yaml = __toESM(require_dist(), 1);
import { readFileSync, writeFileSync } from "node:fs";
async function rebase(config, identifier, onto, options = {}) {
  const loaded = await loadRevisions(config, options);
  scriptDirectoryOf(loaded);
  const { map } = loaded;
  const id = single(map, identifier, "the revision to rebase");
  const revision = map.get(id);
  if (revision.downRevisions.length > 1) {
    throw new RetortError("rebase-merge", `revision '${id}' is a merge point (parents ${revision.downRevisions.map((p) => `'${p}'`).join(", ")}); rebase the revisions of a branch, not a merge`);
  }
  const target = onto === "base" ? void 0 : single(map, onto, "--onto");
  if (target !== void 0 && map.descendants([id]).has(target)) {
    throw new RetortError("rebase-cycle", `'${target}' descends from '${id}' (or is it); rebasing onto it would make a cycle: choose a revision of the other line`);
  }
  const path = revision.path;
  if (path === void 0)
    throw new RetortError("rebase-file", `revision '${id}' has no file to rewrite`);
  const check = options.checkDatabase ?? databaseConfigured(config, loaded, options);
  if (check) {
    const databases = await runAction(config, loaded, { kind: "current" }, options);
    for (const database of databases) {
      const known = database.heads.filter((row) => map.has(row));
      if (map.ancestors(known).has(id)) {
        throw new RetortError("rebase-applied", `revision '${id}' is applied in the database${database.name ? ` '${database.name}'` : ""} (at ${database.heads.map((h) => `'${h}'`).join(", ")}); downgrade it there first, or merge instead of rebasing`);
      }
    }
  }
  const parents = target === void 0 ? [] : [target];
  const text = readFileSync(path, "utf8");
  const rewritten = path.endsWith(".yaml") || path.endsWith(".yml") ? rewriteYaml(text, parents) : rewriteScript(text, parents, path);
  const header = readHeader(rewritten, path);
  const updated = createRevision(header, path);
  if (updated.id !== id || updated.downRevisions.join() !== parents.join()) {
    throw new RetortError("rebase-file", `could not rewrite the downRevision of '${path}' safely; edit it by hand to ${parents.length === 0 ? "null" : `'${parents[0]}'`}`);
  }
  const next = new RevisionMap(loaded.source.revisions.map((r) => r.id === id ? updated : r));
  writeFileSync(path, rewritten);
  return {
    revision: revisionInfo(next, next.get(id)),
    previousDownRevisions: revision.downRevisions,
    path,
    databaseChecked: check
  };
}
function single(map, identifier, what) {
  const target = map.resolve(identifier);
  const ids = target.kind === "revisions" ? target.ids : target.kind === "heads" ? map.heads : [];
  if (ids.length !== 1) {
    throw new RetortError("resolution", `${what} '${identifier}' must name one revision, not ${ids.length === 0 ? "base" : ids.map((i) => `'${i}'`).join(", ")}`);
  }
  return ids[0];
}
var SCRIPT_DOWN_REVISION = /^((?:export\s+const|(?:module\.)?exports\.)\s*downRevision\b[^=\n]*=\s*)(null|'[^'\n]*'|"[^"\n]*"|`[^`$]*`|\[[^\]]*\])/m;
function rewriteScript(text, parents, path) {
  if (!SCRIPT_DOWN_REVISION.test(text)) {
    throw new RetortError("rebase-file", `'${path}' has no 'export const downRevision = ...' line that can be rewritten; edit it by hand`);
  }
  const value = parents.length === 0 ? "null" : `'${parents[0]}'`;
  return text.replace(SCRIPT_DOWN_REVISION, (_all, head) => `${head}${value}`);
}
function rewriteYaml(text, parents) {
  const document = (0, import_yaml.parseDocument)(text);
  if (parents.length === 0) {
    document.set("downRevision", null);
  } else {
    const quoted = yamlId(parents[0]) !== parents[0];
    const node = new import_yaml.Scalar(parents[0]);
    if (quoted)
      node.type = import_yaml.Scalar.QUOTE_SINGLE;
    document.set("downRevision", node);
  }
  return document.toString();
}

// dist/commands/rebase.js
function registerRebase(program, kit) {
  program.command("rebase").description("rewrite REV's downRevision to TARGET (REV must not be applied in the configured database)").argument("<rev>", "the revision to move").option("--onto <target>", "the new parent (an id, head, LABEL@head, base)").option("--no-database", "do not read the database (you know REV is applied nowhere)").action(action(kit, async (ctx, [rev], flags) => {
    if (flags.onto === void 0)
      throw new UsageError("rebase needs --onto TARGET (e.g. 'retort rebase ae10 --onto head')");
    const config = await ctx.loadConfig();
    const result = await rebase(config, rev, flags.onto, {
      ...ctx.commandOptions(),
      ...flags.database ? {} : { checkDatabase: false }
    });
    if (ctx.json) {
      ctx.printJson({
        ...result.revision,
        previousDownRevisions: result.previousDownRevisions,
        databaseChecked: result.databaseChecked
      });
      return;
    }
    const before = result.previousDownRevisions.join(", ") || "<base>";
    const after = result.revision.downRevisions.join(", ") || "<base>";
    ctx.out(`rebased ${formatRevision(result.revision, ctx.colors)}`, `  parent ${printableText(before)} -> ${printableText(after)}`, `  ${printableText(result.path)}`);
    if (!result.databaseChecked)
      ctx.err("note: no database was read to check that the revision is not applied");
  }));
}
export {
  registerRebase
};
