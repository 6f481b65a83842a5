import {
  YamlLocator
} from "./chunk-CDSXJ4CG.js";
import {
  OperationError,
  Operations,
  isPlainObject,
  show
} from "./chunk-HZY5M4HB.js";
import {
  IrreversibleOperationError,
  reverseOperations
} from "./chunk-RMQOVVDU.js";
import {
  require_dist
} from "./chunk-M76B4A3W.js";
import {
  didYouMean,
  nearestName
} from "./chunk-VGZQQMLJ.js";
import {
  RevisionFileError
} from "./chunk-XC2ICKFH.js";
import {
  __toESM
} from "./chunk-QGM4M3NI.js";

// ../core/dist/operations/yaml-body.js
var import_yaml = __toESM(require_dist(), 1);
var YAML_OPERATIONS = {
  createTable: {
    positional: ["name", "columns"],
    build: (op, a, o) => op.createTable(a["name"], a["columns"], o)
  },
  dropTable: { positional: ["name"], build: (op, a, o) => op.dropTable(a["name"], o) },
  renameTable: {
    positional: ["from", "to"],
    build: (op, a, o) => op.renameTable(a["from"], a["to"], o)
  },
  addColumn: {
    positional: ["table", "column"],
    build: (op, a, o) => op.addColumn(a["table"], a["column"], o)
  },
  dropColumn: {
    positional: ["table", "name"],
    build: (op, a, o) => op.dropColumn(a["table"], a["name"], o)
  },
  alterColumn: {
    positional: ["table", "name"],
    build: (op, a, o) => op.alterColumn(a["table"], a["name"], o)
  },
  createIndex: {
    positional: ["name", "table", "columns"],
    build: (op, a, o) => op.createIndex(a["name"], a["table"], a["columns"], o)
  },
  dropIndex: { positional: ["name"], build: (op, a, o) => op.dropIndex(a["name"], o) },
  createUniqueConstraint: {
    positional: ["name", "table", "columns"],
    build: (op, a, o) => op.createUniqueConstraint(a["name"], a["table"], a["columns"], o)
  },
  createForeignKey: {
    positional: ["name", "table", "referencedTable", "columns", "referencedColumns"],
    build: (op, a, o) => op.createForeignKey(a["name"], a["table"], a["referencedTable"], a["columns"], a["referencedColumns"], o)
  },
  createCheckConstraint: {
    positional: ["name", "table", "expression"],
    build: (op, a, o) => op.createCheckConstraint(a["name"], a["table"], a["expression"], o)
  },
  createPrimaryKey: {
    positional: ["name", "table", "columns"],
    build: (op, a, o) => op.createPrimaryKey(a["name"], a["table"], a["columns"], o)
  },
  dropConstraint: {
    positional: ["name", "table"],
    build: (op, a, o) => op.dropConstraint(a["name"], a["table"], o)
  },
  createTableComment: {
    positional: ["table", "comment"],
    build: (op, a, o) => op.createTableComment(a["table"], a["comment"], o)
  },
  dropTableComment: {
    positional: ["table"],
    build: (op, a, o) => op.dropTableComment(a["table"], o)
  },
  execute: {
    positional: ["sql", "parameters"],
    build: (op, a, o) => op.execute(a["sql"], a["parameters"] ?? [], o)
  },
  bulkInsert: {
    positional: ["table", "rows"],
    build: (op, a, o) => op.bulkInsert(a["table"], a["rows"], o)
  }
};
function loadYamlBody(document, path, source) {
  const locator = new YamlLocator(document, source);
  const failAt = (at, message, atKey = false) => {
    throw new RevisionFileError(path, locator.line(at, atKey), message);
  };
  if ((0, import_yaml.isDocument)(document) && document.errors.length > 0) {
    const first = document.errors[0];
    throw new RevisionFileError(path, first?.linePos?.[0].line, first?.message.split("\n")[0] ?? "invalid YAML");
  }
  const top = (0, import_yaml.isDocument)(document) ? document.toJS() : document;
  if (!isPlainObject(top))
    failAt([], `a YAML revision must be a map of keys (got ${show(top)})`);
  const upgrade = readList(top, "upgrade", failAt);
  const hasDowngrade = "downgrade" in top;
  const downgrade = hasDowngrade ? readList(top, "downgrade", failAt) : [];
  const upgradeOperations = upgrade.map((item, index) => build(item, ["upgrade", index], failAt));
  let downgradeOperations = downgrade.map((item, index) => build(item, ["downgrade", index], failAt));
  if (!hasDowngrade) {
    try {
      downgradeOperations = reverseOperations(upgradeOperations);
    } catch (error) {
      if (!(error instanceof IrreversibleOperationError) || error.index === void 0)
        throw error;
      failAt(["upgrade", error.index], `upgrade[${error.index}]: ${error.message}; add a 'downgrade:' list to this file`);
    }
  }
  const up = Object.freeze(upgradeOperations);
  const down = Object.freeze(downgradeOperations);
  return Object.freeze({
    upgrade(op) {
      for (const operation of up)
        op.enqueue(operation);
    },
    downgrade(op) {
      for (const operation of down)
        op.enqueue(operation);
    }
  });
}
function readList(top, key, failAt) {
  const value = top[key];
  if (value === void 0 && key === "downgrade")
    return [];
  if (!Array.isArray(value)) {
    const fix = key === "upgrade" ? "write upgrade: [] for a revision that changes nothing" : "write downgrade: [] for a downgrade that changes nothing, or leave the key out to reverse the upgrade";
    failAt([key], `'${key}' must be a list of operations (- createTable: {...}), got ${show(value)}; ${fix}`);
  }
  return value;
}
function build(item, at, failAt) {
  const where = `${at[0]}[${at[1]}]`;
  const names = Object.keys(YAML_OPERATIONS).join(", ");
  if (!isPlainObject(item) || Object.keys(item).length !== 1) {
    const keys = isPlainObject(item) ? Object.keys(item) : [];
    failAt(at, `${where}: each operation must be a map with one key, the operation (one of ${names})${keys.length > 1 ? `; found ${keys.join(", ")}` : `, got ${show(item)}`}`);
  }
  const [name, value] = Object.entries(item)[0];
  const spec = Object.hasOwn(YAML_OPERATIONS, name) ? YAML_OPERATIONS[name] : void 0;
  if (spec === void 0)
    failAt([...at, name], `${where}: unknown operation '${name}'${didYouMean(name, Object.keys(YAML_OPERATIONS))}; use one of ${names}`, true);
  let args;
  if (name === "execute" && typeof value === "string")
    args = { sql: value };
  else if (isPlainObject(value))
    args = value;
  else {
    return failAt([...at, name], `${where}: ${name} must be a map of ${spec.positional.join(", ")} and options (got ${show(value)})`);
  }
  const options = {};
  for (const [key, v] of Object.entries(args)) {
    if (spec.positional.includes(key))
      continue;
    const nearest = nearestName(key, spec.positional);
    if (nearest !== void 0 && !Object.hasOwn(args, nearest)) {
      failAt([...at, name, key], `${where}: ${name}: unknown key '${key}' (did you mean '${nearest}'?); ${name} takes ${spec.positional.join(", ")} and its options`, true);
    }
    options[key] = v;
  }
  try {
    return spec.build(new Operations({ dialect: "yaml", offline: true }), args, options);
  } catch (error) {
    if (!(error instanceof OperationError))
      throw error;
    return failAt([...at, name, ...error.path], `${where}: ${error.message}`, error.atKey);
  }
}

export {
  loadYamlBody
};
