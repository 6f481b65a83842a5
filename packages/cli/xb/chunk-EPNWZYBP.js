import {
  DEFAULT_LOCK_TIMEOUT,
  DEFAULT_TRANSACTION_MODE,
  DEFAULT_VERSION_TABLE
} from "./chunk-PKVIK35M.js";
import {
  nearestName
} from "./chunk-VGZQQMLJ.js";
import {
  ConfigError
} from "./chunk-XC2ICKFH.js";
import {
  __commonJS,
  __toESM
} from "./chunk-QGM4M3NI.js";

// ../../node_modules/.pnpm/shell-quote@1.12.0/node_modules/shell-quote/quote.js
var require_quote = __commonJS({
  "../../node_modules/.pnpm/shell-quote@1.12.0/node_modules/shell-quote/quote.js"(exports, module) {
    "use strict";
    var OPS = (
      /** @type {const} */
      [
        "||",
        "&&",
        ";;&",
        ";;",
        ";&",
        "|&",
        "<(",
        ">(",
        "<<<",
        "<<-",
        "<<",
        ">>",
        ">&",
        ">|",
        "&>>",
        "&>",
        "<&",
        "<>",
        "&",
        ";",
        "(",
        ")",
        "|",
        "<",
        ">"
      ]
    );
    var LINE_TERMINATORS = /[\n\r\u2028\u2029]/;
    var GLOB_SHELL_SPECIAL = /[\s#!"$&'():;<=>@\\^`|~]/g;
    module.exports = function quote(xs) {
      var sawComment = false;
      return xs.map(function(s) {
        if (sawComment && typeof s === "string" && LINE_TERMINATORS.test(s)) {
          throw new TypeError("a token after a `comment` must not contain line terminators");
        }
        if (s === "") {
          return (
            /** @type {const} */
            "''"
          );
        }
        if (s && typeof s === "object") {
          if ("op" in s && s.op === "glob") {
            if (typeof s.pattern !== "string") {
              throw new TypeError("glob token requires a string `pattern`");
            }
            if (LINE_TERMINATORS.test(s.pattern)) {
              throw new TypeError("glob `pattern` must not contain line terminators");
            }
            if (s.pattern === "") {
              return (
                /** @type {const} */
                "''"
              );
            }
            return s.pattern.replace(GLOB_SHELL_SPECIAL, "\\$&");
          }
          if ("op" in s && typeof s.op === "string") {
            if (OPS.indexOf(s.op) < 0) {
              throw new TypeError("invalid `op` value: " + JSON.stringify(s.op));
            }
            return s.op.replace(/[\s\S]/g, "\\$&");
          }
          if ("comment" in s && typeof s.comment === "string") {
            if (LINE_TERMINATORS.test(s.comment)) {
              throw new TypeError("`comment` must not contain line terminators");
            }
            sawComment = true;
            return "#" + s.comment;
          }
          throw new TypeError("unrecognized object token shape");
        }
        if (/'/.test(s) && /!/.test(s)) {
          return "'" + s.replace(/'/g, `'"'"'`) + "'";
        }
        if (/["\s\\]/.test(s) && !/'/.test(s)) {
          return "'" + s + "'";
        }
        if (/["'\s]/.test(s)) {
          return '"' + s.replace(/(["\\$`])/g, "\\$1") + '"';
        }
        return String(s).replace(/([A-Za-z]:)?([#!"$&'()*,:;<=>?@[\\\]^`{|}~])/g, "$1\\$2");
      }).join(" ");
    };
  }
});

// ../../node_modules/.pnpm/shell-quote@1.12.0/node_modules/shell-quote/parse.js
var require_parse = __commonJS({
  "../../node_modules/.pnpm/shell-quote@1.12.0/node_modules/shell-quote/parse.js"(exports, module) {
    "use strict";
    var CONTROL = (
      /** @type {const} */
      "(?:" + /** @type {const} */
      [
        "\\|\\|",
        "\\&(?:\\&|>>?)",
        // `&&`, `&>`, and `&>>`
        ";;\\&?",
        // `;;` and `;;&`
        "[;|]\\&",
        // `;&` and `|&`
        "\\<\\(",
        "\\<\\<\\<",
        "\\<\\<-",
        "\\<\\<(?!\\()",
        // `<<(` stays `<` and `<(`, as zsh reads it; other shells reject it
        ">>",
        ">[&|(]",
        // `>&`, `>|`, and `>(`
        "<[&>]",
        // `<&` and `<>`
        "[&;()|<>]"
      ].join(
        /** @type {const} */
        "|"
      ) + /** @type {const} */
      ")"
    );
    var controlRE = new RegExp("^" + CONTROL + "$");
    var META = (
      /** @type {const} */
      "|&;()<> \\t"
    );
    var SINGLE_QUOTE = (
      /** @type {const} */
      "'([^']*?)'"
    );
    var ANSI_C_BODY = "(?:\\\\[\\s\\S]|[^\\\\'])*?";
    var ANSI_C_QUOTE = "\\$'" + ANSI_C_BODY + "'";
    var ansiCAt = new RegExp("\\$'" + ANSI_C_BODY + "(?:(')|\\\\?$)", "g");
    var ANSI_C_LETTERS = "abeEfnrtv";
    var ANSI_C_CHARS = "\x07\b\x1B\x1B\f\n\r	\v";
    var hash = /^#$/;
    var SQ = (
      /** @type {const} */
      "'"
    );
    var DQ = (
      /** @type {const} */
      '"'
    );
    var DS = (
      /** @type {const} */
      "$"
    );
    var TOKEN = "";
    var mult = (
      /** @type {const} */
      4294967296
    );
    for (i = 0; i < 4; i++) {
      TOKEN += (mult * Math.random()).toString(16);
    }
    var i;
    var startsWithToken = new RegExp("^" + TOKEN);
    function matchAll(s, r) {
      var origIndex = r.lastIndex;
      var matches = [];
      var matchObj;
      while (matchObj = r.exec(s)) {
        matches[matches.length] = matchObj;
        if (r.lastIndex === matchObj.index) {
          r.lastIndex += 1;
        }
      }
      r.lastIndex = origIndex;
      return matches;
    }
    function getVar(env, pre, key) {
      var r = typeof env === "function" ? env(key) : env[key];
      if (typeof r === "undefined" && key != "") {
        r = "";
      } else if (typeof r === "undefined") {
        r = "$";
      }
      if (typeof r === "object") {
        return pre + TOKEN + JSON.stringify(r) + TOKEN;
      }
      return pre + r;
    }
    var ansiCEscape = /\\([0-7]{1,3}|x[\dA-Fa-f]{1,2}|u[\dA-Fa-f]{1,4}|U[\dA-Fa-f]{1,8}|c(?:\\\\|[\s\S])|[abeEfnrtv\\'"?])/g;
    function expandAnsiCEscape(m, escape) {
      var kind = escape.charAt(0);
      if (kind === "c") {
        var ctrl = escape.charAt(1);
        return ctrl === "?" ? "\x7F" : String.fromCharCode(ctrl.charCodeAt(0) & 31);
      }
      if (kind === "x" || kind === "u" || kind === "U") {
        var cp = parseInt(escape.slice(1), 16);
        if (cp > 1114111) {
          return m;
        }
        return String.fromCharCode.apply(null, cp > 65535 ? [55232 + (cp >> 10), 56320 + (cp & 1023)] : [cp]);
      }
      if (kind >= "0" && kind <= "7") {
        return String.fromCharCode(parseInt(escape, 8) & 255);
      }
      var letter = ANSI_C_LETTERS.indexOf(escape);
      return letter < 0 ? escape : ANSI_C_CHARS.charAt(letter);
    }
    function expandAnsiC(body) {
      return body.replace(ansiCEscape, expandAnsiCEscape).split("\0")[0];
    }
    function closesAnsiC(s, i2) {
      ansiCAt.lastIndex = i2;
      return !!/** @type {RegExpExecArray} */
      ansiCAt.exec(s)[1];
    }
    function parseInternal(string, env, opts) {
      if (!opts) {
        opts = {};
      }
      var BS = opts.escape || "\\";
      var ifs = opts.splitUnquoted === true ? " 	\n" : typeof opts.splitUnquoted === "string" ? opts.splitUnquoted : "";
      var BAREWORD = "(\\" + BS + `['"$\\` + BS + META + "]|\\$\\$|\\$(?!" + ANSI_C_QUOTE.slice(2) + `)|[^\\s'"$` + META + "])+";
      var DOUBLE_QUOTE = '"(?:\\' + BS + '[\\s\\S]|[^"\\' + BS + '])*"';
      var chunker = new RegExp([
        "(" + CONTROL + ")",
        // control chars
        "(" + ANSI_C_QUOTE + "|" + BAREWORD + "|" + DOUBLE_QUOTE + "|" + SINGLE_QUOTE + ")+"
      ].join("|"), "g");
      var matches = matchAll(string, chunker);
      if (matches.length === 0) {
        return [];
      }
      if (!env) {
        env = {};
      }
      var commented = false;
      return matches.map(function(match) {
        var s = match[0];
        if (!s || commented) {
          return void 0;
        }
        if (controlRE.test(s)) {
          return (
            /** @type {ControlOperator} */
            { op: s }
          );
        }
        var quote = false;
        var esc = false;
        var out = "";
        var words = [];
        var sawQuote = false;
        var pendingNw = null;
        var isGlob = false;
        var i2;
        function parseEnvVar() {
          i2 += 1;
          var varend;
          var varname;
          var char = s.charAt(i2);
          if (char === "{") {
            i2 += 1;
            if (s.charAt(i2) === "}") {
              throw new Error("Bad substitution: " + s.slice(i2 - 2, i2 + 1));
            }
            var depth = 1;
            varend = i2;
            while (depth > 0 && varend < s.length) {
              if (s.charAt(varend) === "{" && s.charAt(varend - 1) === "$") {
                depth += 1;
              } else if (s.charAt(varend) === "}") {
                depth -= 1;
              }
              varend += 1;
            }
            if (depth !== 0) {
              throw new Error("Bad substitution: " + s.slice(i2));
            }
            varend -= 1;
            varname = s.slice(i2, varend);
            i2 = varend;
          } else if (/[*@#?$!-]/.test(char)) {
            varname = char;
          } else {
            var slicedFromI = s.slice(i2);
            varend = slicedFromI.match(/[^\w\d_]/);
            if (!varend) {
              varname = slicedFromI;
              i2 = s.length;
            } else {
              varname = slicedFromI.slice(0, varend.index);
              i2 += /** @type {number} */
              varend.index - 1;
            }
          }
          return getVar(
            /** @type {NonNullable<typeof env>} */
            env,
            "",
            varname
          );
        }
        function flushRun() {
          if (pendingNw === null) {
            return;
          }
          if (pendingNw === 0) {
            if (out !== "") {
              words[words.length] = out;
              out = "";
            }
          } else {
            words[words.length] = out;
            out = "";
            for (var fe = 1; fe < pendingNw; fe += 1) {
              words[words.length] = "";
            }
          }
          pendingNw = null;
        }
        for (i2 = 0; i2 < s.length; i2++) {
          var c = s.charAt(i2);
          if (ifs && c !== DS) {
            flushRun();
          }
          isGlob = isGlob || !quote && (c === "*" || c === "?");
          if (esc) {
            out += c;
            esc = false;
          } else if (quote) {
            if (c === quote) {
              quote = false;
            } else if (quote == SQ) {
              out += c;
            } else {
              if (c === BS) {
                i2 += 1;
                c = s.charAt(i2);
                if (c === DQ || c === BS || c === DS) {
                  out += c;
                } else {
                  out += BS + c;
                }
              } else if (c === DS) {
                out += parseEnvVar();
              } else {
                out += c;
              }
            }
          } else if (c === DQ || c === SQ) {
            quote = c;
            sawQuote = true;
          } else if (controlRE.test(c)) {
            return (
              /** @type {ControlOperator} */
              { op: s }
            );
          } else if (hash.test(c)) {
            commented = true;
            var commentObj = { comment: string.slice(match.index + i2 + 1) };
            if (out.length) {
              return (
                /** @type {const} */
                [out, commentObj]
              );
            }
            return (
              /** @type {const} */
              [commentObj]
            );
          } else if (c === BS) {
            esc = true;
          } else if (c === DS && s.charAt(i2 + 1) === SQ && closesAnsiC(s, i2)) {
            flushRun();
            sawQuote = true;
            out += expandAnsiC(s.slice(i2 + 2, ansiCAt.lastIndex - 1));
            i2 = ansiCAt.lastIndex - 1;
          } else if (c === DS) {
            var value = parseEnvVar();
            if (!ifs) {
              out += value;
            } else {
              for (var vi = 0; vi < value.length; vi += 1) {
                var vc = value.charAt(vi);
                if (ifs.indexOf(vc) < 0) {
                  flushRun();
                  out += vc;
                } else if (pendingNw === null) {
                  pendingNw = vc === " " || vc === "	" || vc === "\n" ? 0 : 1;
                } else if (vc !== " " && vc !== "	" && vc !== "\n") {
                  pendingNw += 1;
                }
              }
            }
          } else {
            out += c;
          }
        }
        if (isGlob) {
          return (
            /** @type {GlobPattern} */
            { op: "glob", pattern: out }
          );
        }
        if (ifs) {
          if (pendingNw !== null && pendingNw > 0) {
            words[words.length] = out;
            out = "";
            for (var te = 1; te < pendingNw; te += 1) {
              words[words.length] = "";
            }
          }
          if (out !== "" || sawQuote && words.length === 0) {
            words[words.length] = out;
          }
          return words;
        }
        return out;
      }).reduce(
        function(prev, arg) {
          if (typeof arg === "undefined") {
            return prev;
          }
          [].concat(arg).forEach(function(entry) {
            prev[prev.length] = entry;
          });
          return prev;
        },
        /** @type {ParseEntry[]} */
        []
      );
    }
    module.exports = function parse2(s, env, opts) {
      var mapped = parseInternal(s, env, opts);
      if (typeof env !== "function") {
        return mapped;
      }
      return mapped.reduce(
        function(acc, s2) {
          if (typeof s2 === "object") {
            acc[acc.length] = s2;
            return acc;
          }
          var xs = s2.split(RegExp("(" + TOKEN + ".*?" + TOKEN + ")", "g"));
          if (xs.length === 1) {
            acc[acc.length] = xs[0];
            return acc;
          }
          xs.filter(Boolean).forEach(function(x) {
            acc[acc.length] = startsWithToken.test(x) ? JSON.parse(x.split(TOKEN)[1]) : x;
          });
          return acc;
        },
        /** @type {ParseEntry[]} */
        []
      );
    };
  }
});

// ../../node_modules/.pnpm/shell-quote@1.12.0/node_modules/shell-quote/index.js
var require_shell_quote = __commonJS({
  "../../node_modules/.pnpm/shell-quote@1.12.0/node_modules/shell-quote/index.js"(exports) {
    "use strict";
    exports.quote = require_quote();
    exports.parse = require_parse();
  }
});

// ../core/dist/config/is-plain-object.js
function isPlainObject(value) {
  if (typeof value !== "object" || value === null)
    return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

// ../core/dist/config/key-source.js
function describeKey(source, key) {
  const full = `${source.prefix}${key}`;
  if (source.file === void 0)
    return `config key '${full}'`;
  const line = lineOf(source, full);
  return `${source.file}${line === void 0 ? "" : `:${line}`}: '${full}'`;
}
function lineOf(source, dotted) {
  const lines = source.lines;
  if (lines === void 0)
    return void 0;
  let key = dotted;
  for (; ; ) {
    const line = lines.get(key);
    if (line !== void 0)
      return line;
    const cut = Math.max(key.lastIndexOf("."), key.lastIndexOf("["));
    if (cut <= 0)
      return void 0;
    key = key.slice(0, cut);
  }
}

// ../core/dist/config/interpolate-env.js
var NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
function interpolateEnv(value, env, source, key = "", options = {}) {
  if (typeof value === "string")
    return interpolateString(value, env, source, key, options);
  if (Array.isArray(value)) {
    return value.map((item, index) => interpolateEnv(item, env, source, `${key}[${index}]`, options));
  }
  if (isPlainObject(value)) {
    return Object.fromEntries(Object.entries(value).map(([name, item]) => [
      name,
      interpolateEnv(item, env, source, key === "" ? name : `${key}.${name}`, options)
    ]));
  }
  return value;
}
function interpolateString(text, env, source, key, options) {
  const where = key === "" ? source : describeKey({ file: source, prefix: "", lines: options.lines }, key);
  let out = "";
  let at = 0;
  while (at < text.length) {
    const dollar = text.indexOf("$", at);
    if (dollar < 0)
      break;
    out += text.slice(at, dollar);
    if (text.startsWith("$${", dollar)) {
      out += "${";
      at = dollar + 3;
      continue;
    }
    if (!text.startsWith("${", dollar)) {
      out += "$";
      at = dollar + 1;
      continue;
    }
    const close = text.indexOf("}", dollar + 2);
    if (close < 0) {
      throw new ConfigError(`${where} has '\${' without a closing '}'; close it, or write '$\${' for a literal '\${'`);
    }
    const inner = text.slice(dollar + 2, close);
    const split = inner.indexOf(":-");
    const name = split < 0 ? inner : inner.slice(0, split);
    if (!NAME.test(name)) {
      throw new ConfigError(`${where} has a '\${...}' whose name is not a variable name; use letters, digits and '_', or write '$\${' for a literal '\${'`);
    }
    const variable = env[name];
    if (split >= 0) {
      out += variable === void 0 || variable === "" ? inner.slice(split + 2) : variable;
    } else if (variable === void 0) {
      const error = new ConfigError(`${where} uses \${${name}}, but the environment variable '${name}' is not set; set it, or write \${${name}:-default}`);
      if (options.onUnset === void 0)
        throw error;
      out += options.onUnset(error);
    } else {
      out += variable;
    }
    at = close + 1;
  }
  return out + text.slice(at);
}

// ../core/dist/schema/ignore-patterns.js
function checkIgnorePatterns(value, what) {
  const list = Array.isArray(value) ? value : [value];
  return Object.freeze(list.map((item, index) => {
    const where = Array.isArray(value) ? `${what}[${index}]` : what;
    if (typeof item !== "string" || item.trim() === "") {
      throw new ConfigError(`${where} must be a table pattern ('audit_*') or TABLE.NAME ('account.legacy_*'), not ${item === null ? "null" : typeof item}`);
    }
    const pattern = item.trim();
    if (pattern.split(".").length > 2 || pattern.startsWith(".") || pattern.endsWith(".")) {
      throw new ConfigError(`${where} is '${pattern}'; a pattern is TABLE or TABLE.NAME (a column, index or constraint), with * and ? as wildcards`);
    }
    return pattern;
  }));
}
function withoutIgnored(snapshot, patterns) {
  if (patterns.length === 0)
    return snapshot;
  const tablePatterns = patterns.filter((p) => !p.includes(".")).map(globRegExp);
  const memberPatterns = patterns.filter((p) => p.includes(".")).map((p) => {
    const [table, member] = p.split(".");
    return { table: globRegExp(table), member: globRegExp(member) };
  });
  const tables = snapshot.tables.filter((table) => !tablePatterns.some((re) => re.test(table.name))).map((table) => {
    const members = memberPatterns.filter((p) => p.table.test(table.name)).map((p) => p.member);
    return members.length === 0 ? table : withoutMembers(table, members);
  });
  return Object.freeze({ tables: Object.freeze(tables) });
}
function withoutMembers(table, members) {
  const hit = (name) => name !== void 0 && members.some((re) => re.test(name));
  const dropped = new Set(table.columns.filter((c) => hit(c.name)).map((c) => c.name));
  const uses = (columns) => columns.some((c) => dropped.has(c));
  return Object.freeze({
    ...table,
    columns: Object.freeze(table.columns.filter((c) => !dropped.has(c.name))),
    indexes: Object.freeze(table.indexes.filter((i) => !hit(i.name) && !uses(i.columns))),
    ...table.foreignKeys === void 0 ? {} : {
      foreignKeys: Object.freeze(table.foreignKeys.filter((k) => !hit(k.name) && !uses(k.columns)))
    },
    ...table.checks === void 0 ? {} : { checks: Object.freeze(table.checks.filter((c) => !hit(c.name))) }
  });
}
function globRegExp(glob) {
  const source = glob.split("").map((ch) => ch === "*" ? ".*" : ch === "?" ? "." : ch.replace(/[\\^$.|+()[\]{}]/g, "\\$&")).join("");
  return new RegExp(`^${source}$`, "i");
}

// ../core/dist/config/parse-hook-command.js
var import_shell_quote = __toESM(require_shell_quote(), 1);
function parseHookCommand(text, what) {
  const quote = unclosedQuote(text);
  if (quote !== void 0) {
    throw new ConfigError(`${what} has an unclosed ${quote} quote; close it`);
  }
  const variables = [];
  const entries = (0, import_shell_quote.parse)(text, (name) => {
    variables.push(name);
    return "";
  });
  const words = [];
  for (const entry of entries) {
    if (typeof entry === "string") {
      words.push(entry);
    } else if ("comment" in entry) {
      throw new ConfigError(`${what} has a comment ('#${entry.comment}'); remove it, or quote the '#' to pass it as text`);
    } else if (entry.op === "glob") {
      throw new ConfigError(`${what} has the pattern '${entry.pattern}', which only a shell expands and hooks run without one; quote it to pass it as text`);
    } else {
      throw new ConfigError(`${what} uses '${entry.op}', which needs a shell and hooks run without one; put the commands in a script and name the script, or write { command: 'sh', args: ['-c', '...'] }`);
    }
  }
  if (variables.length > 0) {
    const name = variables[0];
    throw new ConfigError(`${what} uses '$${name}', which only a shell expands and hooks run without one; write the value itself, or '\${${name}}' in retort.yaml to read it when the config is loaded, or single quotes for a literal '$'`);
  }
  return words;
}
function unclosedQuote(text) {
  let open;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (open === "'") {
      if (char === "'")
        open = void 0;
    } else if (char === "\\") {
      i++;
    } else if (open === '"') {
      if (char === '"')
        open = void 0;
    } else if (char === '"' || char === "'") {
      open = char;
    }
  }
  return open === void 0 ? void 0 : open === '"' ? "double" : "single";
}

// ../core/dist/config/backup-settings.js
var DEFAULT_BACKUP_KEEP = 3;
var BACKUP_KEYS = ["dir", "keep"];
function normalizeBackupOption(value, what) {
  const flag = value === "true" ? true : value === "false" ? false : value;
  if (flag === false)
    return false;
  if (flag === true)
    return Object.freeze({ keep: DEFAULT_BACKUP_KEEP });
  if (typeof flag !== "object" || flag === null || Array.isArray(flag)) {
    throw new ConfigError(`${what} must be true, false or { dir, keep }, not ${JSON.stringify(value) ?? String(value)}`);
  }
  const entries = flag;
  for (const key of Object.keys(entries)) {
    if (BACKUP_KEYS.includes(key))
      continue;
    const near = nearestName(key, BACKUP_KEYS);
    throw new ConfigError(`${what} has the key '${key}', which is not a backup setting; ${near === void 0 ? "the keys are dir and keep" : `did you mean '${near}'?`}`);
  }
  const { dir, keep: rawKeep } = entries;
  const keep = rawKeep === void 0 ? DEFAULT_BACKUP_KEEP : typeof rawKeep === "string" && /^\d+$/.test(rawKeep.trim()) ? Number(rawKeep) : rawKeep;
  if (typeof keep !== "number" || !Number.isSafeInteger(keep) || keep < 1) {
    throw new ConfigError(`${what}.keep must be a whole number of backups to keep (1 or more), not ${JSON.stringify(rawKeep)}`);
  }
  if (dir !== void 0 && !(dir instanceof URL) && (typeof dir !== "string" || dir.trim() === "")) {
    throw new ConfigError(`${what}.dir must be a directory path, not ${JSON.stringify(dir)}`);
  }
  return Object.freeze({ ...dir === void 0 ? {} : { dir }, keep });
}

// ../core/dist/config/config-keys.js
var REVISION_FORMATS = Object.freeze(["ts", "js", "yaml"]);
var TRANSACTION_MODES = Object.freeze(["each", "all", "none"]);
var DEFAULT_REVISION_FORMAT = "ts";
var DEFAULT_FILE_TEMPLATE = "{rev}_{slug}";
var CONFIG_KEYS = Object.freeze([
  "scriptLocation",
  "versionLocations",
  "url",
  "versionTable",
  "versionTableSchema",
  "ledgerTable",
  "appliedBy",
  "transactionMode",
  "transactionPerMigration",
  "lockTimeout",
  "fileTemplate",
  "revisionFormat",
  "timezone",
  "postWriteHooks",
  "bundleIndex",
  "schema",
  "ignore",
  "backup",
  "restoreOnFailure",
  "templateCache",
  "settings",
  "databases"
]);
var CONFIG_DEFAULTS = Object.freeze({
  versionTable: DEFAULT_VERSION_TABLE,
  transactionMode: DEFAULT_TRANSACTION_MODE,
  lockTimeout: DEFAULT_LOCK_TIMEOUT,
  fileTemplate: DEFAULT_FILE_TEMPLATE,
  revisionFormat: DEFAULT_REVISION_FORMAT
});
var KNOWN = new Set(CONFIG_KEYS);
var UnresolvedDatabase = class {
  values;
  error;
  kind = "unresolved-database";
  constructor(values, error) {
    this.values = values;
    this.error = error;
    Object.freeze(this);
  }
};
function normalizeConfigValues(values, source, env) {
  if (!isPlainObject(values)) {
    throw new ConfigError(`${source.file ?? "config values"} must be a mapping of keys (scriptLocation, url ...), not ${show(values)}`);
  }
  const out = {};
  for (const [key, value] of Object.entries(values)) {
    if (value === void 0)
      continue;
    const [name, normalized] = key === "databases" && env !== void 0 ? [key, checkDatabases(value, source, describeKey(source, key), env)] : normalizeConfigEntry(key, value, source);
    if (name === "transactionMode" && "transactionMode" in out && out["transactionMode"] !== normalized) {
      throw new ConfigError(`${describeKey(source, "transactionMode")} and '${source.prefix}transactionPerMigration' disagree; keep one of them`);
    }
    out[name] = normalized;
  }
  return out;
}
function normalizeConfigEntry(key, value, source) {
  const what = describeKey(source, key);
  checkKeyName(key, source);
  switch (key) {
    case "scriptLocation":
      return [key, checkLocation(value, what)];
    case "versionLocations": {
      const list = Array.isArray(value) ? value : [value];
      return [
        key,
        Object.freeze(list.map((item, index) => checkLocation(item, describeKey(source, `${key}[${index}]`))))
      ];
    }
    case "url":
      if (typeof value !== "string" || value.trim() === "") {
        throw new ConfigError(`${what} must be a database URL string (sqlite:///app.db, postgresql://...), not ${kindOf(value)}`);
      }
      return [key, value.trim()];
    case "versionTable":
    case "versionTableSchema":
    case "ledgerTable":
    case "appliedBy":
    case "fileTemplate":
      return [key, checkName(value, what)];
    case "transactionMode":
      return [key, checkChoice(value, TRANSACTION_MODES, what)];
    case "transactionPerMigration": {
      const flag = value === "true" ? true : value === "false" ? false : value;
      if (typeof flag !== "boolean") {
        throw new ConfigError(`${what} must be true or false, not ${show(value)}; or use transactionMode: each | all | none`);
      }
      return ["transactionMode", flag ? "each" : "all"];
    }
    case "lockTimeout": {
      const ms = typeof value === "string" && /^\d+$/.test(value.trim()) ? Number(value) : value;
      if (typeof ms !== "number" || !Number.isSafeInteger(ms) || ms < 0) {
        throw new ConfigError(`${what} must be a whole number of milliseconds (0 or more), not ${show(value)}`);
      }
      return [key, ms];
    }
    case "revisionFormat":
      return [key, checkChoice(value, REVISION_FORMATS, what)];
    case "timezone": {
      const zone = checkName(value, what);
      try {
        new Intl.DateTimeFormat("en-US", { timeZone: zone });
      } catch {
        throw new ConfigError(`${what} is '${zone}', which is not a time zone; use an IANA name like 'UTC' or 'Europe/Paris'`);
      }
      return [key, zone];
    }
    case "postWriteHooks": {
      const list = Array.isArray(value) ? value : [value];
      return [
        key,
        Object.freeze(list.map((item, index) => checkHook(item, source, `${key}[${index}]`)))
      ];
    }
    case "bundleIndex":
      if (typeof value !== "string" || value.trim() === "") {
        throw new ConfigError(`${what} must be a file path (src/migrations.generated.ts), not ${show(value)}`);
      }
      return [key, value];
    case "schema":
      return [key, checkLocation(value, what)];
    case "ignore":
      return [key, checkIgnorePatterns(value, what)];
    case "settings":
      if (!isPlainObject(value)) {
        throw new ConfigError(`${what} must be a mapping of names to values for the env module (settings: { tenant: acme }), not ${show(value)}`);
      }
      return [key, Object.freeze({ ...value })];
    case "databases":
      return [key, checkDatabases(value, source, what, void 0)];
    case "backup":
      return [key, normalizeBackupOption(value, what)];
    case "restoreOnFailure": {
      const flag = value === "true" ? true : value === "false" ? false : value;
      if (typeof flag !== "boolean") {
        throw new ConfigError(`${what} must be true or false, not ${show(value)}`);
      }
      return [key, flag];
    }
    case "templateCache":
      return [key, checkLocation(value, what)];
  }
  return [key, value];
}
function checkKeyName(key, source) {
  if (KNOWN.has(key))
    return;
  const what = describeKey(source, key);
  const camel = key.replace(/[_-]+([a-zA-Z0-9])/g, (_m, c) => c.toUpperCase());
  if (camel !== key && KNOWN.has(camel)) {
    throw new ConfigError(`${what} is not a Retort key; keys are camelCase: write '${camel}'`);
  }
  const known = CONFIG_KEYS.filter((name) => source.prefix === "" || name !== "databases");
  const near = nearestName(key, known);
  throw new ConfigError(near === void 0 ? `${what} is not a Retort key (the keys are ${known.join(", ")}); put values for the env module under 'settings'` : `${what} is not a Retort key; did you mean '${near}'? (values for the env module go under 'settings')`);
}
function checkDatabases(value, source, what, env) {
  if (source.prefix !== "") {
    throw new ConfigError(`${what} is not allowed inside a database entry; list every database under the top-level 'databases'`);
  }
  if (!isPlainObject(value)) {
    throw new ConfigError(`${what} must be a mapping of names to settings (main: { url: ... }), not ${show(value)}`);
  }
  const out = {};
  for (const [name, entry] of Object.entries(value)) {
    const inner = {
      file: source.file,
      prefix: `databases.${name}.`,
      lines: source.lines
    };
    if (entry === null || entry === void 0) {
      out[name] = Object.freeze({});
      continue;
    }
    if (entry instanceof UnresolvedDatabase) {
      out[name] = entry;
      continue;
    }
    if (!isPlainObject(entry)) {
      throw new ConfigError(`${describeKey(source, `databases.${name}`)} must be a mapping of keys (url, versionTable ...), not ${show(entry)}`);
    }
    if (env === void 0) {
      out[name] = Object.freeze(normalizeConfigValues(entry, inner));
      continue;
    }
    let unset;
    const interpolated = interpolateEnv(entry, env, source.file ?? "the config", `databases.${name}`, {
      lines: source.lines,
      onUnset: (error) => {
        unset ??= error;
        return "";
      }
    });
    if (unset === void 0) {
      out[name] = Object.freeze(normalizeConfigValues(interpolated, inner));
      continue;
    }
    for (const key of Object.keys(entry)) {
      if (key === "databases")
        normalizeConfigEntry(key, entry[key], inner);
      checkKeyName(key, inner);
    }
    out[name] = new UnresolvedDatabase(entry, unset);
  }
  return Object.freeze(out);
}
function checkLocation(value, what) {
  if (value instanceof URL) {
    if (value.protocol !== "file:") {
      throw new ConfigError(`${what} is the URL '${value.href}'; only file: URLs name a directory`);
    }
    return value;
  }
  if (typeof value !== "string" || value.trim() === "") {
    throw new ConfigError(`${what} must be a directory path or a file: URL, not ${show(value)}`);
  }
  if (value.startsWith("file:")) {
    try {
      return new URL(value);
    } catch {
      throw new ConfigError(`${what} is '${value}', which is not a valid file: URL; write a path instead`);
    }
  }
  return value;
}
function checkName(value, what) {
  if (typeof value !== "string" || value.trim() === "") {
    throw new ConfigError(`${what} must be a non-empty string, not ${show(value)}`);
  }
  return value;
}
function checkChoice(value, choices, what) {
  if (typeof value !== "string" || !choices.includes(value)) {
    throw new ConfigError(`${what} must be one of ${choices.join(", ")}, not ${show(value)}`);
  }
  return value;
}
function checkHook(value, source, key) {
  const what = describeKey(source, key);
  if (typeof value === "string") {
    const [command, ...args] = parseHookCommand(value, what);
    if (command === void 0 || command === "") {
      throw new ConfigError(`${what} is empty; write a command such as 'prettier --write {path}'`);
    }
    return Object.freeze({ command, args: Object.freeze(args) });
  }
  if (isPlainObject(value)) {
    for (const name of Object.keys(value)) {
      if (name !== "command" && name !== "args") {
        const near = nearestName(name, ["command", "args"]);
        throw new ConfigError(`${describeKey(source, `${key}.${name}`)} is not a key of a hook; ${near === void 0 ? "a hook has command and args" : `did you mean '${near}'?`}`);
      }
    }
    const { command, args = [] } = value;
    if (typeof command !== "string" || command.trim() === "") {
      throw new ConfigError(`${describeKey(source, `${key}.command`)} must be a non-empty string, not ${show(command)}`);
    }
    if (!Array.isArray(args) || !args.every((arg) => typeof arg === "string")) {
      throw new ConfigError(`${describeKey(source, `${key}.args`)} must be a list of strings, not ${show(args)}`);
    }
    return Object.freeze({ command, args: Object.freeze([...args]) });
  }
  throw new ConfigError(`${what} must be a command string or { command, args }, not ${show(value)}`);
}
function show(value) {
  if (typeof value === "string")
    return `'${value}'`;
  if (typeof value === "number" || typeof value === "boolean")
    return String(value);
  return kindOf(value);
}
function kindOf(value) {
  if (value === null)
    return "null";
  if (value === void 0)
    return "nothing";
  if (Array.isArray(value))
    return "a list";
  if (typeof value === "object")
    return "a mapping";
  if (typeof value === "string")
    return "a string";
  return `a ${typeof value}`;
}

export {
  isPlainObject,
  describeKey,
  interpolateEnv,
  require_shell_quote,
  withoutIgnored,
  REVISION_FORMATS,
  CONFIG_KEYS,
  CONFIG_DEFAULTS,
  UnresolvedDatabase,
  normalizeConfigValues,
  normalizeConfigEntry,
  checkKeyName
};
