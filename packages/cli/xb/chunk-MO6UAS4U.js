import {
  maskUrl
} from "./chunk-44ZXWH5S.js";
import {
  ConfigError
} from "./chunk-XC2ICKFH.js";

// ../core/dist/config/database-url.js
import { isAbsolute, join, normalize } from "node:path";
var SQLITE_MEMORY = ":memory:";
function parseDatabaseUrl(url, baseDir) {
  if (typeof url !== "string") {
    throw new ConfigError(`a database URL must be a string, not ${url === null ? "null" : typeof url}`);
  }
  const redacted = maskUrl(url);
  const match = /^([A-Za-z][A-Za-z0-9+.-]*):(.*)$/s.exec(url.trim());
  if (match === null) {
    throw new ConfigError(`'${redacted}' is not a database URL${/^[A-Za-z][A-Za-z0-9+.-]*\/\//.test(url.trim()) ? " (a ':' is missing after the scheme)" : ""}; write it as sqlite:///app.db, postgresql://user@host/db or mysql://user@host/db`);
  }
  const scheme = match[1].toLowerCase();
  const rest = match[2];
  switch (scheme) {
    case "sqlite":
      return Object.freeze({
        kind: "sqlite",
        scheme: "sqlite",
        ...parseSqlite(rest, redacted, baseDir),
        redacted
      });
    case "postgres":
    case "postgresql":
      return Object.freeze({
        kind: "postgresql",
        scheme: "postgresql",
        connectionString: url.trim(),
        redacted
      });
    case "mysql":
    case "mariadb":
      return Object.freeze({
        kind: "mysql",
        scheme: "mysql",
        uri: `mysql:${rest}`,
        mariadb: scheme === "mariadb",
        redacted
      });
    default:
      return Object.freeze({ kind: "other", scheme, url, redacted });
  }
}
function parseSqlite(rest, redacted, baseDir) {
  const queryAt = rest.indexOf("?");
  const options = Object.freeze(queryAt < 0 ? {} : Object.fromEntries(new URLSearchParams(rest.slice(queryAt + 1))));
  let location = queryAt < 0 ? rest : rest.slice(0, queryAt);
  if (location.startsWith("//")) {
    const slash = location.indexOf("/", 2);
    const host = slash < 0 ? location.slice(2) : location.slice(2, slash);
    if (host !== "" && host !== "localhost") {
      throw new ConfigError(`the SQLite URL '${redacted}' names a host ('${maskUrl(host)}'); SQLite opens files: write sqlite:///relative.db or sqlite:////absolute/path.db`);
    }
    location = slash < 0 ? "" : location.slice(slash + 1);
  }
  let path;
  try {
    path = decodeURIComponent(location);
  } catch {
    throw new ConfigError(`the SQLite URL '${redacted}' has a broken %-escape; write the path as it is`);
  }
  if (path === "" || path === SQLITE_MEMORY)
    return { filename: SQLITE_MEMORY, options };
  if (isAbsolute(path))
    return { filename: normalize(path), options };
  if (baseDir === void 0) {
    throw new ConfigError(`the SQLite URL '${redacted}' has the relative path '${path}' and there is no config file to resolve it against; use an absolute path (sqlite:////abs/path.db)`);
  }
  return { filename: join(baseDir, path), options };
}
function parseServerUrl(text, owner) {
  const trimmed = text.trim();
  let url;
  try {
    url = new URL(trimmed);
  } catch {
    throw new ConfigError(`${owner}: '${maskUrl(trimmed)}' is not a valid URL; %-encode special characters in the user and password (@ as %40, / as %2F, ? as %3F, # as %23, % as %25)`);
  }
  const decode = (part, name) => {
    try {
      return decodeURIComponent(part);
    } catch {
      throw new ConfigError(`${owner}: the ${name} in '${maskUrl(trimmed)}' has a '%' that is not followed by two hex digits; write a literal '%' as %25`);
    }
  };
  const user = decode(url.username, "user");
  const password = decode(url.password, "password");
  const userinfo = url.username === "" ? "" : `${url.username}${url.password === "" ? "" : ":***"}@`;
  const scheme = url.protocol.slice(0, -1).toLowerCase();
  const path = url.pathname === "/" ? "" : url.pathname;
  return Object.freeze({
    url,
    user,
    password,
    description: `${scheme}://${userinfo}${url.host}${path}`
  });
}

export {
  parseDatabaseUrl,
  parseServerUrl
};
