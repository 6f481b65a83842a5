// ../core/dist/operations/describe-operation.js
function describeOperation(operation) {
  const q = (name, schema) => `'${schema === void 0 ? "" : `${schema}.`}${name}'`;
  switch (operation.kind) {
    case "createTable":
    case "dropTable":
      return `${operation.kind}(${q(operation.name, operation.schema)})`;
    case "renameTable":
      return `renameTable(${q(operation.from, operation.schema)}, '${operation.to}')`;
    case "addColumn":
      return `addColumn(${q(operation.table, operation.schema)}, '${operation.column.name}')`;
    case "dropColumn":
    case "alterColumn":
      return `${operation.kind}(${q(operation.table, operation.schema)}, '${operation.name}')`;
    case "createUniqueConstraint":
    case "createForeignKey":
    case "createCheckConstraint":
    case "createPrimaryKey":
    case "dropConstraint":
      return `${operation.kind}('${operation.name}', ${q(operation.table, operation.schema)})`;
    case "createTableComment":
    case "dropTableComment":
      return `${operation.kind}(${q(operation.table, operation.schema)})`;
    case "createIndex":
      return `createIndex('${operation.name}', ${q(operation.table, operation.schema)})`;
    case "dropIndex":
      return `dropIndex('${operation.name}')`;
    case "execute": {
      const sql = operation.sql.replace(/\s+/g, " ").trim();
      return `execute('${sql.length > 40 ? `${sql.slice(0, 37)}...` : sql}')`;
    }
    case "bulkInsert":
      return `bulkInsert(${q(operation.table, operation.schema)})`;
    default: {
      const _never = operation;
      return String(_never.kind);
    }
  }
}

export {
  describeOperation
};
