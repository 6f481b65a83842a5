import {
  renderSvgGraph
} from "./chunk-SCRNMZNL.js";
import "./chunk-JIOAVG4S.js";
import "./chunk-QGM4M3NI.js";
export {
  renderSvgGraph
};
