/**
 * `npm start`: everything on one machine, no AWS account. Prints where each part listens.
 * Configuration is by environment variable (README "Configuration").
 */
import { resolve } from 'node:path';
import { readLocalConfig } from '../../functions/config.js';
import { buildConsole, consoleBuildIsStale } from './build-console.js';
import { JavaMissingError, startLocalRuntime } from './runtime.js';
import { isWildcardHost } from './ports.js';
import { ControllableClock } from './clock.js';

async function main(): Promise<void> {
  const config = readLocalConfig(process.env);
  const adminDir = resolve('admin');
  if (consoleBuildIsStale(adminDir)) {
    console.log('正在构建管理控制台 (building the console)…');
    await buildConsole(adminDir);
  }
  const runtime = await startLocalRuntime({
    dataDir: config.dataDir,
    port: config.port,
    host: config.host,
    publicUrl: process.env.PUBLIC_URL ? config.publicUrl : undefined,
    demo: config.demo,
    adminEmail: config.adminEmail,
    adminPassword: config.adminPassword,
    smtpUrl: config.smtpUrl,
    mailHost: config.mailHost,
    mailPort: config.mailPort,
    mailSmtpPort: config.mailSmtpPort,
    sessionHours: config.sessionHours,
    trustedProxies: config.trustedProxies,
    s3Port: config.s3Port,
    webhooks: config.webhooks,
    ...(config.clock === 'controllable' ? { clock: new ControllableClock({ flowing: true }) } : {}),
    quiet: process.env.LOG_REQUESTS !== '1',
  });

  const lines = [
    '',
    '客服部管理系统 is running (Ctrl-C to stop)',
    `  Console          ${runtime.url}/`,
    `  API              ${runtime.url}/api/v1   (docs: ${runtime.url}/api/docs, health: ${runtime.url}/api/health)`,
    runtime.mailUrl
      ? `  Mail catcher     ${runtime.mailUrl}/   (JSON: ${runtime.mailUrl}/api/email; SMTP on port ${runtime.mailSmtpPort})`
      : `  Mail             sent through SMTP_URL`,
    `  DynamoDB Local   ${runtime.dynamoEndpoint}   (table ${runtime.tableName})`,
    `  Step Functions   ${runtime.stepFunctionsEndpoint}`,
    `  Object storage   ${runtime.objectStorageEndpoint}   (s3rver, attachments; files under ${resolve(config.dataDir, 's3')})`,
    `  Data             ${resolve(config.dataDir)}`,
  ];
  if (config.clock === 'controllable') {
    lines.push(`  Clock            controllable (LOCAL_CLOCK): now ${runtime.now().toISOString()}; an administrator moves it with POST ${runtime.url}/api/v1/local/clock {"advance":"P10D"}`);
  }
  if (config.webhooks.allowPrivateNetworks) {
    lines.push('  Webhooks         may be delivered to loopback and private (LAN) addresses (WEBHOOK_ALLOW_PRIVATE_NETWORKS=1)');
  }
  if (isWildcardHost(config.host)) {
    lines.push(`  Listening on all interfaces (HOST=${config.host}); links in emails use ${process.env.PUBLIC_URL ?? runtime.url}`);
    if (!isWildcardHost(config.mailHost)) lines.push(`  The mail catcher stays on ${config.mailHost}: it shows everyone's approval links without a sign-in (MAIL_HOST=0.0.0.0 exposes it)`);
  }
  if (runtime.admin?.created) {
    lines.push('', `Administrator: ${runtime.admin.email}`);
    if (runtime.admin.generatedPassword) {
      lines.push(`  Password (shown once, not stored in clear): ${runtime.admin.generatedPassword}`);
    }
  }
  if (runtime.demoLogins.length > 0) {
    const pick = (role: string, n = 1) => runtime.demoLogins.filter((l) => l.role === role).slice(0, n);
    const shown = [...pick('cs_manager'), ...pick('supervisor', 3), ...pick('team_lead'), ...pick('agent', 2), ...pick('gm'), ...pick('hr', 2)];
    lines.push('', `Demo logins (password for all: ${shown[0]?.password ?? ''}; ${runtime.demoLogins.length} accounts in all):`);
    for (const l of shown) lines.push(`  ${l.role.padEnd(11)} ${l.name.padEnd(4, '　')} ${l.email}`);
  }
  console.log(lines.join('\n'));

  let stopping = false;
  // Work in flight when Ctrl-C arrives (a workflow task, a mail) fails once its engine is
  // gone; that is expected while stopping and must not turn a clean stop into a crash.
  process.on('unhandledRejection', (err) => {
    if (stopping) return;
    console.error('Unexpected error:', err instanceof Error ? err.message : err);
    process.exit(1);
  });
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping…`);
    await runtime.stop();
    console.log('Stopped. Data kept in', resolve(config.dataDir));
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((err: unknown) => {
  if (err instanceof JavaMissingError) console.error(err.message);
  else console.error('Could not start:', err instanceof Error ? err.message : err);
  process.exit(1);
});
