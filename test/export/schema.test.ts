import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { jsonSchemas } from '../../src/schema/json-schema.js';
import { ROOT } from '../helpers/run.js';

describe('schema/', () => {
  it.each(Object.entries(jsonSchemas()))('%s is generated from the zod schemas (npm run build:schema)', (name, schema) => {
    expect(JSON.parse(fs.readFileSync(`${ROOT}schema/${name}`, 'utf8'))).toEqual(schema);
  });
});
