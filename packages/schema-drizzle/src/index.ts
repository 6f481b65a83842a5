export * from './drizzle-schema.js'
export { drizzleColumn } from './drizzle-column.js'
export * from './drizzle-schema-error.js'
export { renderDrizzleSql, type DrizzleKind } from './drizzle-sql.js'
