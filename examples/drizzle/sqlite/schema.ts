// Retort's declared schema for this project (retort.yaml: `schema: schema.ts`).
import { drizzleSchema } from '@retort/schema-drizzle'
import * as tables from './tables.js'

export default drizzleSchema(tables)
