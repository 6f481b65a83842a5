import {
  describeOperation
} from "./chunk-2VBFUHI2.js";
import {
  RetortError
} from "./chunk-XC2ICKFH.js";

// ../core/dist/operations/irreversible-operation-error.js
var IrreversibleOperationError = class extends RetortError {
  operationKind;
  index;
  constructor(operationKind, message, index) {
    super("irreversible-operation", message);
    this.operationKind = operationKind;
    this.index = index;
  }
};

// ../core/dist/operations/reverse-operation.js
function makeOperation(data) {
  const operation = {};
  for (const key in data) {
    const value = data[key];
    if (value !== void 0)
      operation[key] = value;
  }
  Object.defineProperty(operation, "reverse", {
    // Closes over the object, so `const { reverse } = operation` still works.
    value: () => reverseOperation(operation),
    enumerable: false,
    writable: false,
    configurable: false
  });
  return Object.freeze(operation);
}
function reverseOperation(operation) {
  const irreversible = (what, todo = "or write downgrade yourself") => {
    throw new IrreversibleOperationError(operation.kind, `${describeOperation(operation)} cannot be reversed ${what} ${todo}`);
  };
  switch (operation.kind) {
    case "createTable":
      return makeOperation({
        kind: "dropTable",
        name: operation.name,
        schema: operation.schema,
        ifExists: operation.ifNotExists,
        definition: Object.freeze({
          columns: operation.columns,
          constraints: operation.constraints,
          ...operation.comment === void 0 ? {} : { comment: operation.comment }
        })
      });
    case "dropTable": {
      const definition = operation.definition;
      if (definition === void 0) {
        return irreversible("without its definition; pass { definition: [...columns] }");
      }
      return makeOperation({
        kind: "createTable",
        name: operation.name,
        schema: operation.schema,
        columns: definition.columns,
        constraints: definition.constraints,
        ifNotExists: operation.ifExists,
        comment: definition.comment
      });
    }
    case "renameTable":
      return makeOperation({
        kind: "renameTable",
        from: operation.to,
        to: operation.from,
        schema: operation.schema
      });
    case "addColumn":
      return makeOperation({
        kind: "dropColumn",
        table: operation.table,
        schema: operation.schema,
        name: operation.column.name,
        definition: operation.column
      });
    case "dropColumn": {
      if (operation.definition === void 0) {
        return irreversible("without its definition; pass { definition: { type, ... } }");
      }
      return makeOperation({
        kind: "addColumn",
        table: operation.table,
        schema: operation.schema,
        column: operation.definition
      });
    }
    case "alterColumn":
      return reverseAlterColumn(operation, irreversible);
    case "createUniqueConstraint":
    case "createPrimaryKey":
      return dropConstraint(operation, {
        kind: operation.kind === "createPrimaryKey" ? "primaryKey" : "unique",
        name: operation.name,
        columns: operation.columns
      });
    case "createCheckConstraint":
      return dropConstraint(operation, {
        kind: "check",
        name: operation.name,
        expression: operation.expression
      });
    case "createForeignKey":
      return dropConstraint(operation, Object.freeze({
        kind: "foreignKey",
        name: operation.name,
        columns: operation.columns,
        references: operation.references,
        ...operation.deferrable === void 0 ? {} : { deferrable: operation.deferrable },
        ...operation.initially === void 0 ? {} : { initially: operation.initially }
      }));
    case "dropConstraint": {
      const definition = operation.definition;
      if (definition === void 0) {
        return irreversible("without its definition; pass { type, definition: { columns | expression | references ... } }");
      }
      const base = { name: operation.name, table: operation.table, schema: operation.schema };
      switch (definition.kind) {
        case "unique":
          return makeOperation({
            kind: "createUniqueConstraint",
            ...base,
            columns: definition.columns
          });
        case "primaryKey":
          return makeOperation({
            kind: "createPrimaryKey",
            ...base,
            columns: definition.columns
          });
        case "check":
          return makeOperation({
            kind: "createCheckConstraint",
            ...base,
            expression: definition.expression
          });
        case "foreignKey":
          return makeOperation({
            kind: "createForeignKey",
            ...base,
            columns: definition.columns,
            references: definition.references,
            deferrable: definition.deferrable,
            initially: definition.initially
          });
        default: {
          const _never = definition;
          throw new Error(`unknown constraint kind '${_never.kind}'`);
        }
      }
    }
    case "createTableComment": {
      const previous = operation.existingComment;
      if (previous === void 0) {
        return irreversible("without the comment it replaces; pass { existingComment } (null when there was none)");
      }
      if (previous === null) {
        return makeOperation({
          kind: "dropTableComment",
          table: operation.table,
          schema: operation.schema,
          existingComment: operation.comment
        });
      }
      return makeOperation({
        kind: "createTableComment",
        table: operation.table,
        schema: operation.schema,
        comment: previous,
        existingComment: operation.comment
      });
    }
    case "dropTableComment": {
      if (operation.existingComment === void 0) {
        return irreversible("without the comment it removes; pass { existingComment }");
      }
      return makeOperation({
        kind: "createTableComment",
        table: operation.table,
        schema: operation.schema,
        comment: operation.existingComment,
        existingComment: null
      });
    }
    case "createIndex":
      return makeOperation({
        kind: "dropIndex",
        name: operation.name,
        table: operation.table,
        schema: operation.schema,
        ifExists: operation.ifNotExists,
        definition: Object.freeze({
          columns: operation.columns,
          unique: operation.unique,
          ...operation.where === void 0 ? {} : { where: operation.where }
        })
      });
    case "dropIndex": {
      const { definition, table } = operation;
      if (definition === void 0 || table === void 0) {
        return irreversible("without its table and definition; pass { table, definition: { columns, unique } }");
      }
      return makeOperation({
        kind: "createIndex",
        name: operation.name,
        table,
        schema: operation.schema,
        columns: definition.columns,
        unique: definition.unique,
        where: definition.where,
        ifNotExists: operation.ifExists
      });
    }
    case "execute": {
      const back = operation.reverseStatement;
      if (back === void 0)
        return irreversible("without SQL that undoes it; pass { reverse: 'SQL' }");
      return makeOperation({
        kind: "execute",
        sql: back.sql,
        parameters: back.parameters,
        reverseStatement: Object.freeze({ sql: operation.sql, parameters: operation.parameters })
      });
    }
    case "bulkInsert":
      return irreversible("because its rows cannot be told from rows inserted by others;", "write downgrade yourself (a table created in the same revision is dropped with its rows)");
    default: {
      const _never = operation;
      throw new Error(`unknown operation kind '${_never.kind}'`);
    }
  }
}
function dropConstraint(operation, definition) {
  return makeOperation({
    kind: "dropConstraint",
    name: operation.name,
    table: operation.table,
    schema: operation.schema,
    type: definition.kind,
    definition: Object.freeze(definition)
  });
}
function reverseAlterColumn(o, irreversible) {
  const missing = [];
  if (o.type !== void 0 && o.existingType === void 0)
    missing.push("existingType");
  if (o.nullable !== void 0 && o.existingNullable === void 0)
    missing.push("existingNullable");
  const changesDefault = o.default !== void 0 || o.defaultSql !== void 0;
  if (changesDefault && o.existingDefault === void 0 && o.existingDefaultSql === void 0) {
    missing.push("existingDefault (null when there was none) or existingDefaultSql");
  }
  if (o.comment !== void 0 && o.existingComment === void 0) {
    missing.push("existingComment (null when there was none)");
  }
  if (missing.length > 0) {
    irreversible(`without the column as it was; pass ${missing.join(", ")}`);
  }
  return makeOperation({
    kind: "alterColumn",
    table: o.table,
    schema: o.schema,
    name: o.newName ?? o.name,
    newName: o.newName === void 0 ? void 0 : o.name,
    type: o.type === void 0 ? void 0 : o.existingType,
    existingType: o.type ?? o.existingType,
    nullable: o.nullable === void 0 ? void 0 : o.existingNullable,
    existingNullable: o.nullable ?? o.existingNullable,
    default: changesDefault && o.existingDefaultSql === void 0 ? o.existingDefault : void 0,
    defaultSql: changesDefault ? o.existingDefaultSql : void 0,
    existingDefault: changesDefault ? o.defaultSql === void 0 ? o.default : void 0 : o.existingDefault,
    existingDefaultSql: changesDefault ? o.defaultSql : o.existingDefaultSql,
    comment: o.comment === void 0 ? void 0 : o.existingComment,
    existingComment: o.comment === void 0 ? o.existingComment : o.comment
  });
}
function reverseOperations(operations) {
  const created = /* @__PURE__ */ new Set();
  const key = (name, schema) => `${schema ?? ""}\0${name}`;
  const reversed = [];
  operations.forEach((operation, index) => {
    switch (operation.kind) {
      case "createTable":
        created.add(key(operation.name, operation.schema));
        break;
      case "dropTable":
        created.delete(key(operation.name, operation.schema));
        break;
      case "renameTable":
        if (created.delete(key(operation.from, operation.schema))) {
          created.add(key(operation.to, operation.schema));
        }
        break;
      case "bulkInsert":
        if (created.has(key(operation.table, operation.schema)))
          return;
        break;
      default:
        break;
    }
    try {
      reversed.push(reverseOperation(operation));
    } catch (error) {
      if (!(error instanceof IrreversibleOperationError))
        throw error;
      throw new IrreversibleOperationError(error.operationKind, error.message, index);
    }
  });
  return reversed.reverse();
}

export {
  IrreversibleOperationError,
  makeOperation,
  reverseOperations
};
