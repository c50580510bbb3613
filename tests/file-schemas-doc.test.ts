import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileFormatJsonSchemas } from '../database/transfer/profile-json-schema';

describe('published JSON Schemas of the file formats', () => {
  it.each(Object.entries(fileFormatJsonSchemas()))('docs/%s matches what the app validates (run "npm run docs:schemas" after a format change)', (name, schema) => {
    const published = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'docs', name), 'utf8')) as unknown;
    expect(published).toEqual(schema);
  });
});
