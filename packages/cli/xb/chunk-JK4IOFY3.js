import {
  printableText
} from "./chunk-GIXIUV57.js";

// ../core/dist/env/logger.js
var LOG_LEVELS = ["debug", "info", "warn", "error"];
var DEFAULT_LOG_LEVEL = "info";
var silentLogger = Object.freeze({
  debug() {
  },
  info() {
  },
  warn() {
  },
  error() {
  }
});
function consoleLogger(options = {}) {
  const { level = DEFAULT_LOG_LEVEL, stream = process.stderr } = options;
  const threshold = LOG_LEVELS.indexOf(level);
  if (threshold < 0) {
    throw new TypeError(`consoleLogger: level must be one of ${LOG_LEVELS.join(", ")}, not '${String(level)}'`);
  }
  const write = (at, message, data) => {
    if (LOG_LEVELS.indexOf(at) < threshold)
      return;
    const prefix = at === "info" ? "" : `${at === "warn" ? "warning" : at}: `;
    const details = data === void 0 || Object.keys(data).length === 0 ? "" : ` ${safeJson(data)}`;
    stream.write(`${prefix}${printableText(message)}${details}
`);
  };
  return Object.freeze({
    debug: (message, data) => write("debug", message, data),
    info: (message, data) => write("info", message, data),
    warn: (message, data) => write("warn", message, data),
    error: (message, data) => write("error", message, data)
  });
}
function safeJson(data) {
  try {
    return JSON.stringify(data, (_key, value) => typeof value === "bigint" ? value.toString() : value);
  } catch {
    return "[unserializable data]";
  }
}

export {
  silentLogger,
  consoleLogger
};
