import {
  collect,
  formatOption
} from "./chunk-QKC2THZX.js";
import {
  renderWrittenRevision
} from "./chunk-XQ6QKPR7.js";
import "./chunk-YJ6AAUP6.js";
import {
  checkAuthoredText,
  checkNoControlCharacters,
  writeRevision
} from "./chunk-BSF6W4EY.js";
import "./chunk-MCQS4ULU.js";
import "./chunk-A32KQ27Z.js";
import {
  loadRevisions
} from "./chunk-YR7QAPBI.js";
import "./chunk-MILIBH32.js";
import "./chunk-RMQOVVDU.js";
import "./chunk-M76B4A3W.js";
import "./chunk-2VBFUHI2.js";
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
import {
  RetortError
} from "./chunk-XC2ICKFH.js";
import "./chunk-QGM4M3NI.js";

// ../core/dist/commands/merge.js
async function merge(config, identifiers, options = {}) {
  checkAuthoredText(options);
  for (const identifier of identifiers)
    checkNoControlCharacters("revision", identifier);
  const loaded = await loadRevisions(config, options);
  const { map } = loaded;
  const parents = [];
  for (const identifier of identifiers) {
    const target = map.resolve(identifier);
    const ids = target.kind === "heads" ? map.heads : target.kind === "revisions" ? target.ids : [];
    for (const id of ids)
      if (!parents.includes(id))
        parents.push(id);
  }
  if (parents.length < 2) {
    throw new RetortError("nothing-to-merge", `${identifiers.map((i) => `'${i}'`).join(" ") || "nothing"} resolves to ${parents.length === 0 ? "no revision" : `only '${parents[0]}'`}; a merge needs two or more revisions (e.g. 'retort merge heads' when there are several heads)`);
  }
  for (const id of parents) {
    const ancestor = parents.find((other) => other !== id && map.ancestors([other], { includeSelf: false }).has(id));
    if (ancestor !== void 0) {
      throw new RetortError("merge-ancestor", `'${id}' is an ancestor of '${ancestor}', so merging them changes nothing; merge only the tips of separate branches`);
    }
  }
  return writeRevision(config, loaded, {
    downRevisions: parents,
    branchLabels: [...options.branchLabels ?? []],
    dependsOn: [],
    message: options.message ?? `merge ${parents.join(", ")}`
  }, options);
}

// dist/commands/merge.js
function registerMerge(program, kit) {
  program.command("merge").description("create a merge revision of REVS ('heads' merges every head)").argument("<revs...>", "the revisions to merge").option("-m, --message <message>", "what the merge is").option("--branch-label <label>", "a branch label for the merge (repeatable)", collect, []).option("--rev-id <id>", "the id instead of a generated one").addOption(formatOption()).action(action(kit, async (ctx, [revs], flags) => {
    const config = await ctx.loadConfig();
    const result = await merge(config, revs, {
      ...ctx.commandOptions(),
      message: flags.message,
      branchLabels: flags.branchLabel,
      revId: flags.revId,
      format: flags.format
    });
    renderWrittenRevision(ctx, result);
  }));
}
export {
  registerMerge
};
