import {
  revisionInfo
} from "./chunk-A32KQ27Z.js";
import {
  loadRevisions
} from "./chunk-YR7QAPBI.js";

// ../core/dist/commands/show.js
async function show(config, identifier, options = {}) {
  const { map } = await loadRevisions(config, options);
  const target = map.resolve(identifier);
  const ids = target.kind === "heads" ? map.heads : target.kind === "revisions" ? target.ids : [];
  return ids.map((id) => revisionInfo(map, map.get(id)));
}

export {
  show
};
