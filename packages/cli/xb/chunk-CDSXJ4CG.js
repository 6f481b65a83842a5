import {
  require_dist
} from "./chunk-M76B4A3W.js";
import {
  __toESM
} from "./chunk-QGM4M3NI.js";

// ../core/dist/operations/yaml-locator.js
var import_yaml = __toESM(require_dist(), 1);
var YamlLocator = class {
  #document;
  #lineCounter;
  constructor(document, source) {
    this.#document = (0, import_yaml.isDocument)(document) ? document : void 0;
    if (source instanceof import_yaml.LineCounter)
      this.#lineCounter = source;
    else if (typeof source === "string") {
      const counter = new import_yaml.LineCounter();
      counter.addNewLine(0);
      for (let i = 0; i < source.length; i++)
        if (source[i] === "\n")
          counter.addNewLine(i + 1);
      this.#lineCounter = counter;
    }
  }
  /**
   * The 1-based line of the deepest node on `path` that exists (its key's line when
   * `atKey`), or `undefined`.
   *
   * @example
   * ```ts
   * locator.line(['upgrade', 0], false) // 4
   * ```
   */
  line(path, atKey) {
    if (this.#document === void 0 || this.#lineCounter === void 0)
      return void 0;
    let node = this.#document.contents;
    let offset = rangeStart(node);
    for (const [index, segment] of path.entries()) {
      const last = index === path.length - 1;
      if ((0, import_yaml.isMap)(node)) {
        const pair = node.items.find((p) => ((0, import_yaml.isScalar)(p.key) ? p.key.value : p.key) === segment);
        if (pair === void 0)
          break;
        const keyOffset = rangeStart(pair.key);
        node = pair.value;
        offset = (last && atKey ? keyOffset : rangeStart(node) ?? keyOffset) ?? offset;
      } else if ((0, import_yaml.isSeq)(node) && typeof segment === "number") {
        node = node.items[segment];
        if (node === void 0)
          break;
        offset = rangeStart(node) ?? offset;
      } else
        break;
    }
    return offset === void 0 ? void 0 : this.#lineCounter.linePos(offset).line;
  }
};
function rangeStart(node) {
  const range = node?.range;
  return range?.[0];
}

export {
  YamlLocator
};
