import {
  require_dist
} from "./chunk-M76B4A3W.js";
import {
  Config
} from "./chunk-CHEN7WAF.js";
import {
  isPlainObject
} from "./chunk-EPNWZYBP.js";
import "./chunk-PKVIK35M.js";
import "./chunk-VGZQQMLJ.js";
import "./chunk-44ZXWH5S.js";
import {
  ConfigError
} from "./chunk-XC2ICKFH.js";
import {
  __toESM
} from "./chunk-QGM4M3NI.js";

// ../core/dist/config/parse-config.js
var import_yaml = __toESM(require_dist(), 1);
function parseConfig(text, path, env, name) {
  const lineCounter = new import_yaml.LineCounter();
  const document = (0, import_yaml.parseDocument)(text, { lineCounter });
  const [error] = document.errors;
  if (error !== void 0) {
    const position = error.linePos?.[0];
    const where = position === void 0 ? path : `${path}:${position.line}:${position.col}`;
    const detail = (error.message.split("\n")[0] ?? "").replace(/ at line \d+, column \d+:?$/, "");
    throw new ConfigError(`${where}: ${detail}; fix the YAML syntax`, { cause: error });
  }
  const raw = document.toJS() ?? {};
  if (!isPlainObject(raw)) {
    throw new ConfigError(`${path}: the file must be a mapping of keys (scriptLocation: migrations ...), not a ${Array.isArray(raw) ? "list" : typeof raw}`);
  }
  const lines = /* @__PURE__ */ new Map();
  keyLines(document.contents, "", lines, lineCounter);
  return new Config(raw, { path, name, env, lines });
}
function keyLines(node, path, lines, counter) {
  const lineAt = (at) => at === null || at === void 0 ? void 0 : counter.linePos(at[0] ?? 0).line;
  if ((0, import_yaml.isMap)(node)) {
    for (const pair of node.items) {
      const key = (0, import_yaml.isScalar)(pair.key) ? String(pair.key.value) : String(pair.key);
      const dotted = path === "" ? key : `${path}.${key}`;
      const line = lineAt(pair.key?.range);
      if (line !== void 0 && !lines.has(dotted))
        lines.set(dotted, line);
      keyLines(pair.value, dotted, lines, counter);
    }
  } else if ((0, import_yaml.isSeq)(node)) {
    node.items.forEach((item, index) => {
      const dotted = `${path}[${index}]`;
      const line = lineAt(item?.range);
      if (line !== void 0)
        lines.set(dotted, line);
      keyLines(item, dotted, lines, counter);
    });
  }
}
export {
  parseConfig
};
