import {
  YamlLocator
} from "./chunk-CDSXJ4CG.js";
import "./chunk-M76B4A3W.js";
import "./chunk-QGM4M3NI.js";
export {
  YamlLocator
};
