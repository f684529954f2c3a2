#!/usr/bin/env node
// Writes schema/*.json from the zod schemas (run after changing src/schema; a test checks they agree).
import fs from 'node:fs';
import { jsonSchemas } from '../dist/schema/json-schema.js';

const dir = new URL('../schema/', import.meta.url);
fs.mkdirSync(dir, { recursive: true });
for (const [name, schema] of Object.entries(jsonSchemas())) fs.writeFileSync(new URL(name, dir), JSON.stringify(schema, null, 2) + '\n');
console.log(`schema/: ${Object.keys(jsonSchemas()).length} files`);
