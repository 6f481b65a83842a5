import {
  EXIT_ERROR,
  EXIT_USAGE,
  UsageError
} from "./chunk-5ET7NFFB.js";
import {
  __commonJS,
  __toESM
} from "./chunk-QGM4M3NI.js";

// ../../node_modules/.pnpm/picocolors@1.1.1/node_modules/picocolors/picocolors.js
var require_picocolors = __commonJS({
  "../../node_modules/.pnpm/picocolors@1.1.1/node_modules/picocolors/picocolors.js"(exports, module) {
    var p = process || {};
    var argv = p.argv || [];
    var env = p.env || {};
    var isColorSupported = !(!!env.NO_COLOR || argv.includes("--no-color")) && (!!env.FORCE_COLOR || argv.includes("--color") || p.platform === "win32" || (p.stdout || {}).isTTY && env.TERM !== "dumb" || !!env.CI);
    var formatter = (open, close, replace = open) => (input) => {
      let string = "" + input, index = string.indexOf(close, open.length);
      return ~index ? open + replaceClose(string, close, replace, index) + close : open + string + close;
    };
    var replaceClose = (string, close, replace, index) => {
      let result = "", cursor = 0;
      do {
        result += string.substring(cursor, index) + replace;
        cursor = index + close.length;
        index = string.indexOf(close, cursor);
      } while (~index);
      return result + string.substring(cursor);
    };
    var createColors = (enabled = isColorSupported) => {
      let f = enabled ? formatter : () => String;
      return {
        isColorSupported: enabled,
        reset: f("\x1B[0m", "\x1B[0m"),
        bold: f("\x1B[1m", "\x1B[22m", "\x1B[22m\x1B[1m"),
        dim: f("\x1B[2m", "\x1B[22m", "\x1B[22m\x1B[2m"),
        italic: f("\x1B[3m", "\x1B[23m"),
        underline: f("\x1B[4m", "\x1B[24m"),
        inverse: f("\x1B[7m", "\x1B[27m"),
        hidden: f("\x1B[8m", "\x1B[28m"),
        strikethrough: f("\x1B[9m", "\x1B[29m"),
        black: f("\x1B[30m", "\x1B[39m"),
        red: f("\x1B[31m", "\x1B[39m"),
        green: f("\x1B[32m", "\x1B[39m"),
        yellow: f("\x1B[33m", "\x1B[39m"),
        blue: f("\x1B[34m", "\x1B[39m"),
        magenta: f("\x1B[35m", "\x1B[39m"),
        cyan: f("\x1B[36m", "\x1B[39m"),
        white: f("\x1B[37m", "\x1B[39m"),
        gray: f("\x1B[90m", "\x1B[39m"),
        bgBlack: f("\x1B[40m", "\x1B[49m"),
        bgRed: f("\x1B[41m", "\x1B[49m"),
        bgGreen: f("\x1B[42m", "\x1B[49m"),
        bgYellow: f("\x1B[43m", "\x1B[49m"),
        bgBlue: f("\x1B[44m", "\x1B[49m"),
        bgMagenta: f("\x1B[45m", "\x1B[49m"),
        bgCyan: f("\x1B[46m", "\x1B[49m"),
        bgWhite: f("\x1B[47m", "\x1B[49m"),
        blackBright: f("\x1B[90m", "\x1B[39m"),
        redBright: f("\x1B[91m", "\x1B[39m"),
        greenBright: f("\x1B[92m", "\x1B[39m"),
        yellowBright: f("\x1B[93m", "\x1B[39m"),
        blueBright: f("\x1B[94m", "\x1B[39m"),
        magentaBright: f("\x1B[95m", "\x1B[39m"),
        cyanBright: f("\x1B[96m", "\x1B[39m"),
        whiteBright: f("\x1B[97m", "\x1B[39m"),
        bgBlackBright: f("\x1B[100m", "\x1B[49m"),
        bgRedBright: f("\x1B[101m", "\x1B[49m"),
        bgGreenBright: f("\x1B[102m", "\x1B[49m"),
        bgYellowBright: f("\x1B[103m", "\x1B[49m"),
        bgBlueBright: f("\x1B[104m", "\x1B[49m"),
        bgMagentaBright: f("\x1B[105m", "\x1B[49m"),
        bgCyanBright: f("\x1B[106m", "\x1B[49m"),
        bgWhiteBright: f("\x1B[107m", "\x1B[49m")
      };
    };
    module.exports = createColors();
    module.exports.createColors = createColors;
  }
});

// dist/colors.js
var import_picocolors = __toESM(require_picocolors(), 1);
function useColor(stream, env, json) {
  if (json || (env["NO_COLOR"] ?? "") !== "")
    return false;
  const force = env["FORCE_COLOR"] ?? "";
  if (force !== "" && force !== "0")
    return true;
  return stream.isTTY === true;
}
function createColorsFor(enabled) {
  return import_picocolors.default.createColors(enabled);
}

// dist/render/render-error.js
import { maskSecrets } from "@retort/core/config/mask-url";
import { printableText } from "@retort/core/env/printable-text";
import { RetortError } from "@retort/core/errors";
function renderError(out, error) {
  const c = out.colors;
  const mask = (text) => maskSecrets(text, out.secrets);
  const usage = error instanceof UsageError;
  const exitCode = usage ? EXIT_USAGE : EXIT_ERROR;
  const line = mask(printableText(oneLine(error instanceof Error ? error.message : String(error))));
  const known = usage || error instanceof RetortError;
  const hint = known || out.debug ? "" : " (run with --debug for the stack)";
  out.stderr.write(`${c.red(c.bold("error:"))} ${line}${hint}
`);
  if (out.debug && error instanceof Error && error.stack) {
    out.stderr.write(`${c.dim(mask(error.stack))}
`);
    let cause = error.cause;
    while (cause instanceof Error) {
      out.stderr.write(`${c.dim(mask(`caused by: ${cause.stack ?? cause.message}`))}
`);
      cause = cause.cause;
    }
  }
  if (out.json !== void 0) {
    out.json.write(`${mask(errorJson(error, line, exitCode))}
`);
  }
  return exitCode;
}
function errorJson(error, message, exitCode) {
  const details = {};
  if (error instanceof Error) {
    for (const [key, value] of Object.entries(error)) {
      if (!["name", "message", "stack", "cause", "code"].includes(key))
        details[key] = value;
    }
  }
  const type = error instanceof Error ? error.name : "Error";
  const code = error?.code;
  const document = {
    error: {
      type,
      ...typeof code === "string" ? { code } : {},
      message,
      exitCode,
      ...details
    }
  };
  try {
    return JSON.stringify(document, jsonValue, 2);
  } catch {
    return JSON.stringify({ error: { type, message, exitCode } }, null, 2);
  }
}
function jsonValue(_key, value) {
  return typeof value === "bigint" ? value.toString() : value;
}
function oneLine(message) {
  return message.replace(/\s*\n\s*/g, " ").trim();
}

export {
  useColor,
  createColorsFor,
  renderError,
  errorJson
};
