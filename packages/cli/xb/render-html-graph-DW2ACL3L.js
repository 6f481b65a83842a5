import {
  renderSvgGraph,
  xmlText
} from "./chunk-SCRNMZNL.js";
import {
  visibleText
} from "./chunk-JIOAVG4S.js";
import "./chunk-QGM4M3NI.js";

// ../core/dist/graph-render/render-html-graph.js
var STYLE = [
  'body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1f2933;background:#f5f7fa}',
  "header{padding:12px 20px;background:#fff;border-bottom:1px solid #d9e2ec}",
  "h1{font-size:18px;margin:0 0 4px}",
  "header p{margin:0;color:#52606d}",
  "main{display:flex;gap:16px;padding:16px 20px;align-items:flex-start}",
  ".picture{flex:1 1 auto;overflow:auto;background:#fff;border:1px solid #d9e2ec;border-radius:6px}",
  ".picture .revision{cursor:pointer}",
  ".picture .revision.selected>.shape{stroke:#d64545;stroke-width:3}",
  "aside{flex:0 0 300px;background:#fff;border:1px solid #d9e2ec;border-radius:6px;padding:12px;position:sticky;top:16px}",
  "aside h2{font-size:15px;margin:0 0 8px;font-family:ui-monospace,monospace}",
  "aside dl{margin:0}aside dt{font-weight:600;margin-top:6px}aside dd{margin:0;white-space:pre-wrap;word-break:break-word}"
].join("");
var SCRIPT = `(() => {
  const data = JSON.parse(document.getElementById('retort-revisions').textContent)
  const byId = new Map(data.map((r) => [r.id, r]))
  const panel = document.getElementById('retort-details')
  const show = (group) => {
    const r = byId.get(group.getAttribute('data-revision'))
    if (!r) return
    document.querySelectorAll('.revision.selected').forEach((g) => g.classList.remove('selected'))
    group.classList.add('selected')
    panel.replaceChildren()
    const h = document.createElement('h2')
    h.textContent = r.id
    const dl = document.createElement('dl')
    for (const [term, value] of r.details) {
      const dt = document.createElement('dt')
      dt.textContent = term
      const dd = document.createElement('dd')
      dd.textContent = value
      dl.append(dt, dd)
    }
    panel.append(h, dl)
  }
  document.querySelectorAll('.picture [data-revision]').forEach((group) => {
    group.addEventListener('click', () => show(group))
  })
})()`;
function renderHtmlGraph(picture, options = {}) {
  const title = options.title ?? "Revision graph";
  const heads = picture.nodes.filter((node) => node.isHead).map((node) => node.id);
  const facts = [
    `${picture.nodes.length} revision${picture.nodes.length === 1 ? "" : "s"}`,
    `${heads.length === 1 ? "head" : "heads"}: ${heads.length === 0 ? "(none)" : heads.join(", ")}`,
    picture.current === void 0 ? "database not read" : `database at: ${picture.current.length === 0 ? "base (no revision applied)" : picture.current.map((id) => visibleText(id)).join(", ")}`
  ];
  const revisions = picture.nodes.map((node) => ({
    id: node.id,
    details: [
      ["message", visibleText(node.message, { keepNewlines: true })],
      ["parents", node.parents.length === 0 ? "<base>" : node.parents.join(", ")],
      ...node.dependencies.length > 0 ? [["depends on", node.dependencies.join(", ")]] : [],
      ...node.branchLabels.length > 0 ? [["branch labels", node.branchLabels.map((label) => visibleText(label)).join(", ")]] : [],
      [
        "marks",
        [
          node.isHead ? "head" : "",
          node.isMergePoint ? "merge point" : "",
          node.isBranchPoint ? "branch point" : "",
          node.isBase ? "base" : "",
          node.isCurrent ? "current" : ""
        ].filter((mark) => mark !== "").join(", ") || "-"
      ]
    ]
  }));
  return [
    "<!DOCTYPE html>",
    '<html lang="en">',
    "<head>",
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${xmlText(title)}</title>`,
    `<style>${STYLE}</style>`,
    "</head>",
    "<body>",
    `<header><h1>${xmlText(title)}</h1><p>${xmlText(facts.join(" \xB7 "))}</p></header>`,
    "<main>",
    `<div class="picture">${renderSvgGraph(picture).trimEnd()}</div>`,
    '<aside id="retort-details"><p>Click a revision to see its details.</p></aside>',
    "</main>",
    `<script type="application/json" id="retort-revisions">${scriptJson(revisions)}</script>`,
    `<script>${SCRIPT}</script>`,
    "</body>",
    "</html>",
    ""
  ].join("\n");
}
function scriptJson(value) {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
export {
  renderHtmlGraph
};
