import fs from 'node:fs';
import path from 'node:path';
import { fileFormatJsonSchemas } from '../database/transfer/profile-json-schema';

// `npm run docs:schemas`: rewrites docs/*.schema.json from the zod schemas that validate files.
for (const [name, schema] of Object.entries(fileFormatJsonSchemas())) {
  fs.writeFileSync(path.join(__dirname, '..', 'docs', name), `${JSON.stringify(schema, null, 2)}\n`);
  console.log(`wrote docs/${name}`);
}
