import {
  require_dist
} from "./chunk-M76B4A3W.js";
import "./chunk-QGM4M3NI.js";
export default require_dist();
