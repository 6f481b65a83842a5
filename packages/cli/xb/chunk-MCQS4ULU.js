import {
  readYamlHeaderWith
} from "./chunk-MILIBH32.js";
import {
  require_dist
} from "./chunk-M76B4A3W.js";
import {
  __toESM
} from "./chunk-QGM4M3NI.js";

// ../core/dist/script/read-yaml-header.js
var yaml = __toESM(require_dist(), 1);
function readYamlHeader(text, path) {
  return readYamlHeaderWith(yaml, text, path);
}

export {
  readYamlHeader
};
