import {
  loadYamlBody
} from "./chunk-ZXQ2PUWQ.js";
import "./chunk-CDSXJ4CG.js";
import "./chunk-HZY5M4HB.js";
import "./chunk-RMQOVVDU.js";
import "./chunk-M76B4A3W.js";
import "./chunk-2VBFUHI2.js";
import "./chunk-VGZQQMLJ.js";
import "./chunk-XC2ICKFH.js";
import "./chunk-QGM4M3NI.js";
export {
  loadYamlBody
};
