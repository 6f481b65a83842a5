// ../core/dist/commands/revision-info.js
function revisionInfo(map, revision, current) {
  return {
    revision: revision.id,
    downRevisions: revision.downRevisions,
    dependsOn: map.dependencies(revision.id),
    branchLabels: revision.branchLabels,
    branches: map.branchLabels.size === 0 ? [] : map.branchLabelsOf(revision.id),
    message: revision.message,
    path: revision.path ?? null,
    isHead: map.isHead(revision.id),
    isBase: revision.downRevisions.length === 0,
    isMergePoint: revision.downRevisions.length > 1,
    isBranchPoint: map.isBranchPoint(revision.id),
    ...current === void 0 ? {} : { isCurrent: current.has(revision.id) },
    ...revision.replaces.length === 0 ? {} : { replaces: revision.replaces }
  };
}

export {
  revisionInfo
};
