import {
  checkAuthoredText,
  checkNoControlCharacters,
  writeRevision
} from "./chunk-BSF6W4EY.js";
import {
  loadRevisions
} from "./chunk-YR7QAPBI.js";
import {
  RetortError
} from "./chunk-XC2ICKFH.js";

// ../core/dist/commands/revision.js
async function revision(config, options = {}) {
  checkAuthoredText(options);
  checkNoControlCharacters("--head", options.head);
  for (const dependency of options.dependsOn ?? [])
    checkNoControlCharacters("--depends-on", dependency);
  const loaded = await loadRevisions(config, options);
  const { map } = loaded;
  const parents = chooseParents(map, options.head, options.splice === true);
  const dependsOn = (options.dependsOn ?? []).map((dependency) => resolveDependency(map, dependency));
  return writeRevision(config, loaded, {
    downRevisions: parents,
    branchLabels: [...options.branchLabels ?? []],
    dependsOn,
    message: options.message ?? ""
  }, options);
}
function chooseParents(map, head, splice) {
  if (head === void 0) {
    const heads = map.heads;
    if (heads.length > 1) {
      throw new RetortError("multiple-heads", `the revision graph has ${heads.length} heads (${heads.map((h) => `'${h}'`).join(", ")}); pass --head with one of them (or LABEL@head), or merge them first with 'retort merge -m "merge" heads'`);
    }
    return [...heads];
  }
  if (head === "base")
    return [];
  const target = map.resolve(head);
  if (target.kind === "base")
    return [];
  const ids = target.kind === "heads" ? map.heads : target.ids;
  if (ids.length !== 1) {
    throw new RetortError("multiple-heads", `--head '${head}' names ${ids.length} revisions (${ids.map((h) => `'${h}'`).join(", ")}); a new revision has one parent: name one of them, or use 'retort merge'`);
  }
  const parent = ids[0];
  if (!splice && !map.isHead(parent)) {
    throw new RetortError("not-a-head", `revision '${parent}' is not a head (it has children ${map.children(parent).map((c) => `'${c}'`).join(", ")}); pass --splice to start a new branch from it`);
  }
  return [parent];
}
function resolveDependency(map, dependency) {
  if (map.branchLabels.has(dependency))
    return dependency;
  const target = map.resolve(dependency);
  const ids = target.kind === "revisions" ? target.ids : target.kind === "heads" ? map.heads : [];
  if (ids.length !== 1) {
    throw new RetortError("resolution", `--depends-on '${dependency}' must name one revision (an id, a unique prefix or a branch label), not ${ids.length === 0 ? "base" : ids.map((id) => `'${id}'`).join(", ")}`);
  }
  return ids[0];
}

export {
  revision
};
