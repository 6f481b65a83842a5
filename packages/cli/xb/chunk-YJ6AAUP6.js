import {
  printableText
} from "./chunk-GIXIUV57.js";

// dist/render/format-revision.js
function revisionTags(info, c) {
  const tags = [];
  if (info.branchLabels.length > 0)
    tags.push(c.magenta(`(${ids(info.branchLabels)})`));
  if (info.isHead)
    tags.push(c.green("(head)"));
  if (info.isBranchPoint)
    tags.push(c.cyan("(branchpoint)"));
  if (info.isMergePoint)
    tags.push(c.cyan("(mergepoint)"));
  if (info.isCurrent)
    tags.push(c.bold(c.green("(current)")));
  if (info.replaces !== void 0 && info.replaces.length > 0)
    tags.push(c.cyan(`(squash of ${info.replaces.length} revision${info.replaces.length === 1 ? "" : "s"}: ${printableText(info.replaces[0])}..${printableText(info.replaces[info.replaces.length - 1])})`));
  return tags.length === 0 ? "" : ` ${tags.join(" ")}`;
}
function formatRevision(info, c) {
  return `${c.yellow(printableText(info.revision))}${revisionTags(info, c)}${info.message ? ` ${printableText(info.message)}` : ""}`;
}
function formatHistoryLine(info, c) {
  const parents = info.downRevisions.length === 0 ? c.dim("<base>") : ids(info.downRevisions);
  return `${parents} -> ${c.yellow(printableText(info.revision))}${revisionTags(info, c)}, ${printableText(info.message)}`;
}
function formatRevisionVerbose(info, c) {
  const lines = [`${c.bold("Rev:")} ${c.yellow(printableText(info.revision))}${revisionTags(info, c)}`];
  lines.push(`${c.bold("Parent:")} ${info.downRevisions.length === 0 ? "<base>" : ids(info.downRevisions)}`);
  if (info.dependsOn.length > 0)
    lines.push(`${c.bold("Depends on:")} ${ids(info.dependsOn)}`);
  if (info.branches.length > 0)
    lines.push(`${c.bold("Branches:")} ${ids(info.branches)}`);
  if (info.path !== null)
    lines.push(`${c.bold("Path:")} ${printableText(info.path)}`);
  lines.push("", `    ${info.message ? printableText(info.message) : c.dim("(no message)")}`, "");
  return lines;
}
function formatRevisionList(list, c, options = {}) {
  if (options.verbose)
    return list.flatMap((info) => formatRevisionVerbose(info, c));
  return list.map((info) => options.history ? formatHistoryLine(info, c) : formatRevision(info, c));
}
function ids(list) {
  return printableText(list.join(", "));
}

export {
  formatRevision,
  formatRevisionVerbose,
  formatRevisionList
};
