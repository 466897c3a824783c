/**
 * `npm run admin:create -- --email you@company.com [--password …]`: creates an administrator
 * in a deployed stack's table (TABLE_NAME, AWS credentials and region from the environment),
 * or in the local one (`--local`, with `npm start` running). Prints a generated password once.
 */
import { parseArgs } from 'node:util';
import { createStore } from '../../functions/storage/client.js';
import { LOCAL_TABLE_NAME } from '../../functions/storage/schema.js';
import { ensureAdmin } from '../local/bootstrap.js';

const { values } = parseArgs({
  options: {
    email: { type: 'string' },
    password: { type: 'string' },
    endpoint: { type: 'string', description: 'DynamoDB endpoint (DynamoDB Local)' },
  },
});

async function main(): Promise<void> {
  if (!values.email) throw new Error('usage: npm run admin:create -- --email you@company.com [--password …] [--endpoint http://127.0.0.1:PORT]');
  const table = process.env.TABLE_NAME ?? (values.endpoint ? LOCAL_TABLE_NAME : undefined);
  if (!table) throw new Error('TABLE_NAME is not set: use the TableName output of the deployed stack');
  const store = createStore({ table, ...(values.endpoint ? { endpoint: values.endpoint } : {}), ...(process.env.AWS_REGION ? { region: process.env.AWS_REGION } : {}) });
  const result = await ensureAdmin(store, { email: values.email, password: values.password, now: new Date().toISOString(), force: true });
  if (!result?.created) {
    console.log(`${values.email} already has an account; nothing changed.`);
    return;
  }
  console.log(`Administrator ${result.email} created.`);
  if (result.generatedPassword) console.log(`Password (shown once): ${result.generatedPassword}`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
