// ../core/dist/sql/portable-types.js
var DEFAULT_STRING_LENGTH = 255;
var fraction = (spec) => spec.precision === void 0 ? "" : `(${spec.precision})`;
var PORTABLE_TYPES = Object.freeze({
  integer: "INTEGER",
  bigint: "BIGINT",
  smallint: "SMALLINT",
  string: (spec) => `VARCHAR(${spec.length ?? DEFAULT_STRING_LENGTH})`,
  text: "TEXT",
  boolean: "BOOLEAN",
  float: (spec) => `FLOAT${fraction(spec)}`,
  double: "DOUBLE",
  decimal: (spec) => spec.precision === void 0 ? "NUMERIC" : `NUMERIC(${spec.precision}, ${spec.scale ?? 0})`,
  date: "DATE",
  time: (spec) => `TIME${fraction(spec)}`,
  datetime: (spec) => `DATETIME${fraction(spec)}`,
  timestamp: (spec) => `TIMESTAMP${fraction(spec)}`,
  json: "JSON",
  uuid: "CHAR(36)",
  binary: "BLOB"
});
function portableTypeTable(overrides) {
  return Object.freeze({ ...PORTABLE_TYPES, ...overrides });
}
function columnTypeSql(spec, table) {
  const type = spec.type;
  if (typeof type !== "string")
    return type.raw;
  const rule = table[type];
  if (rule === void 0)
    throw new Error(`unknown column type '${String(type)}'`);
  return typeof rule === "string" ? rule : rule(spec);
}

// ../core/dist/sql/sql-scanner.js
var SQLITE_SQL = Object.freeze({
  stringQuotes: "'",
  identifierQuotes: Object.freeze({ '"': '"', "`": "`", "[": "]" }),
  backslashEscapes: false,
  escapeStringPrefix: false,
  dollarQuotes: false,
  hashComments: false,
  dashCommentNeedsSpace: false,
  nestedBlockComments: false,
  placeholders: /\?(\d*)/g
});
var POSTGRES_SQL = Object.freeze({
  stringQuotes: "'",
  identifierQuotes: Object.freeze({ '"': '"' }),
  backslashEscapes: false,
  escapeStringPrefix: true,
  dollarQuotes: true,
  hashComments: false,
  dashCommentNeedsSpace: false,
  nestedBlockComments: true,
  placeholders: /\?|(?<![A-Za-z0-9_$\u0080-\uffff])\$(\d+)/g
});
var MYSQL_SQL = Object.freeze({
  stringQuotes: `'"`,
  identifierQuotes: Object.freeze({ "`": "`" }),
  backslashEscapes: true,
  escapeStringPrefix: false,
  dollarQuotes: false,
  hashComments: true,
  dashCommentNeedsSpace: true,
  nestedBlockComments: false,
  placeholders: /\?/g
});
var IDENTIFIER_CHAR = /[A-Za-z0-9_$\u0080-\uffff]/;
var DOLLAR_TAG = /\$(?:[A-Za-z_\u0080-\uffff][A-Za-z0-9_\u0080-\uffff]*)?\$/y;
function scanSql(sql, lexicon) {
  const pieces = [];
  const length = sql.length;
  let codeStart = 0;
  let i = 0;
  const take = (kind, end, closed) => {
    if (i > codeStart) {
      pieces.push({
        kind: "code",
        text: sql.slice(codeStart, i),
        start: codeStart,
        end: i,
        closed: true
      });
    }
    pieces.push({ kind, text: sql.slice(i, end), start: i, end, closed });
    i = end;
    codeStart = end;
  };
  while (i < length) {
    const c = sql[i];
    const next = sql[i + 1];
    if (c === "-" && next === "-" && (!lexicon.dashCommentNeedsSpace || isSpaceOrEnd(sql[i + 2])) || c === "#" && lexicon.hashComments) {
      const end = sql.indexOf("\n", i);
      take("comment", end === -1 ? length : end, true);
    } else if (c === "/" && next === "*") {
      const [end, closed] = blockCommentEnd(sql, i, lexicon.nestedBlockComments);
      take("comment", end, closed);
    } else if (lexicon.identifierQuotes[c] !== void 0) {
      const close = lexicon.identifierQuotes[c];
      const [end, closed] = quotedEnd(sql, i, close, close !== "]", false);
      take("identifier", end, closed);
    } else if (lexicon.stringQuotes.includes(c)) {
      const backslash = lexicon.backslashEscapes || lexicon.escapeStringPrefix && isEscapePrefixed(sql, i);
      const [end, closed] = quotedEnd(sql, i, c, true, backslash);
      take("string", end, closed);
    } else if (c === "$" && lexicon.dollarQuotes && !IDENTIFIER_CHAR.test(i === 0 ? " " : sql[i - 1])) {
      DOLLAR_TAG.lastIndex = i;
      const tag = DOLLAR_TAG.exec(sql)?.[0];
      if (tag === void 0) {
        i++;
        continue;
      }
      const found = sql.indexOf(tag, i + tag.length);
      take("string", found === -1 ? length : found + tag.length, found !== -1);
    } else {
      i++;
    }
  }
  if (length > codeStart) {
    pieces.push({
      kind: "code",
      text: sql.slice(codeStart),
      start: codeStart,
      end: length,
      closed: true
    });
  }
  return pieces;
}
function findPlaceholders(sql, lexicon) {
  const found = [];
  for (const piece of scanSql(sql, lexicon)) {
    if (piece.kind !== "code")
      continue;
    for (const match of piece.text.matchAll(new RegExp(lexicon.placeholders))) {
      found.push(placeholderOf(match, piece.start));
    }
  }
  return found;
}
function replacePlaceholders(sql, lexicon, replace, options = {}) {
  const pieces = scanSql(sql, lexicon);
  let out = "";
  for (const piece of pieces) {
    if (piece.kind !== "code") {
      out += piece.text;
      continue;
    }
    let last = 0;
    for (const match of piece.text.matchAll(new RegExp(lexicon.placeholders))) {
      out += piece.text.slice(last, match.index);
      const text = replace(placeholderOf(match, piece.start));
      out += out.endsWith("-") && text.startsWith("-") ? ` ${text}` : text;
      last = match.index + match[0].length;
    }
    out += piece.text.slice(last);
  }
  return options.script === true && endsInLineComment(pieces) ? `${out}
` : out;
}
function endsInLineComment(pieces) {
  const last = pieces.at(-1);
  return last !== void 0 && last.kind === "comment" && !last.text.startsWith("/*");
}
function placeholderOf(match, offset) {
  const digits = match[1];
  return {
    text: match[0],
    number: digits === void 0 || digits === "" ? void 0 : Number(digits),
    start: offset + (match.index ?? 0)
  };
}
function isSpaceOrEnd(next) {
  return next === void 0 || next <= " ";
}
function isEscapePrefixed(sql, quote) {
  const previous = sql[quote - 1];
  return (previous === "E" || previous === "e") && !IDENTIFIER_CHAR.test(sql[quote - 2] ?? " ");
}
function quotedEnd(sql, start, close, doubled, backslash) {
  for (let j = start + 1; j < sql.length; j++) {
    const d = sql[j];
    if (backslash && d === "\\")
      j++;
    else if (d === close) {
      if (doubled && sql[j + 1] === close)
        j++;
      else
        return [j + 1, true];
    }
  }
  return [sql.length, false];
}
function blockCommentEnd(sql, start, nested) {
  if (!nested) {
    const end = sql.indexOf("*/", start + 2);
    return end === -1 ? [sql.length, false] : [end + 2, true];
  }
  let depth = 1;
  let j = start + 2;
  while (j < sql.length) {
    if (sql[j] === "/" && sql[j + 1] === "*") {
      depth++;
      j += 2;
    } else if (sql[j] === "*" && sql[j + 1] === "/") {
      depth--;
      j += 2;
      if (depth === 0)
        return [j, true];
    } else
      j++;
  }
  return [sql.length, false];
}

// ../core/dist/sql/sql-tokens.js
function sqlTokens(sql, lexicon, options = {}) {
  const tokens = [];
  for (const piece of scanSql(sql, lexicon)) {
    if (piece.kind === "comment") {
      if (options.comments === true)
        tokens.push({ ...piece, kind: "comment" });
    } else if (piece.kind === "string") {
      const last = tokens.at(-1);
      if (last !== void 0 && last.kind === "word" && last.end === piece.start && (last.text === "x" || last.text === "X")) {
        tokens[tokens.length - 1] = {
          kind: "blob",
          text: sql.slice(last.start, piece.end),
          start: last.start,
          end: piece.end,
          closed: piece.closed
        };
      } else {
        tokens.push({ ...piece, kind: "string" });
      }
    } else if (piece.kind === "identifier") {
      tokens.push({ ...piece, kind: "identifier" });
    } else {
      codeTokens(sql, piece.start, piece.end, tokens);
    }
  }
  return tokens;
}
function codeTokens(sql, from, to, tokens) {
  let i = from;
  const push = (kind, end) => {
    tokens.push({ kind, text: sql.slice(i, end), start: i, end, closed: true });
    i = end;
  };
  while (i < to) {
    const c = sql[i];
    if (/\s/.test(c)) {
      i++;
    } else if (/[0-9]/.test(c) || c === "." && /[0-9]/.test(sql[i + 1] ?? "")) {
      let j = i + 1;
      while (j < to) {
        const d = sql[j];
        if (/[0-9A-Za-z_.]/.test(d))
          j++;
        else if ((d === "+" || d === "-") && /[eE]/.test(sql[j - 1] ?? "") && !/^0x/i.test(sql.slice(i, j)))
          j++;
        else
          break;
      }
      push("number", j);
    } else if (/[A-Za-z_\u0080-\uffff]/.test(c)) {
      let j = i + 1;
      while (j < to && /[A-Za-z0-9_$\u0080-\uffff]/.test(sql[j]))
        j++;
      push("word", j);
    } else if ("(),;.".includes(c)) {
      push("punct", i + 1);
    } else {
      push("operator", i + 1);
    }
  }
}
function isKeyword(token, word) {
  return token !== void 0 && token.kind === "word" && token.text.toUpperCase() === word;
}
function closingParen(tokens, open) {
  let depth = 0;
  for (let i = open; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind !== "punct")
      continue;
    if (t.text === "(")
      depth++;
    else if (t.text === ")") {
      depth--;
      if (depth === 0)
        return i + 1;
    }
  }
  return void 0;
}
function splitTopLevel(tokens, from, to) {
  const parts = [];
  let depth = 0;
  let start = from;
  for (let i = from; i < to; i++) {
    const t = tokens[i];
    if (t.kind !== "punct")
      continue;
    if (t.text === "(")
      depth++;
    else if (t.text === ")")
      depth--;
    else if (t.text === "," && depth === 0) {
      parts.push([start, i]);
      start = i + 1;
    }
  }
  parts.push([start, to]);
  return parts.filter(([a, b]) => b > a);
}

// ../core/dist/dialect.js
var AdapterBase = class {
  get supportsTransactionalDdl() {
    return false;
  }
  async acquireMigrationLock(_connection, _options) {
  }
  async releaseMigrationLock(_connection, _options) {
  }
};

export {
  AdapterBase,
  SQLITE_SQL,
  POSTGRES_SQL,
  MYSQL_SQL,
  findPlaceholders,
  replacePlaceholders,
  sqlTokens,
  isKeyword,
  closingParen,
  splitTopLevel,
  DEFAULT_STRING_LENGTH,
  portableTypeTable,
  columnTypeSql
};
