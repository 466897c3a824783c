/** Environment parsed once. Each entry file reads the part it needs and fails fast if it is wrong. */
export interface CloudConfig {
  tableName: string;
  region: string;
  publicUrl: string;
  sessionHours: number;
}

export function readCloudConfig(env: NodeJS.ProcessEnv): CloudConfig {
  const tableName = required(env, 'TABLE_NAME');
  return {
    tableName,
    region: env.AWS_REGION ?? 'us-east-1',
    publicUrl: (env.PUBLIC_URL ?? '').replace(/\/$/, ''),
    sessionHours: positiveInt(env, 'SESSION_HOURS', 12),
  };
}

export interface WorkflowConfig extends CloudConfig {
  approvalStateMachineArn: string;
  mailFrom: string;
  /** Where the HMAC key of the emailed approval links comes from (email/link-secret.ts). */
  linkSecret: LinkSecretSource;
  /** Where webhooks may go: in the cloud https only and public addresses only, unless WEBHOOK_ALLOW_PRIVATE_NETWORKS=1. */
  webhooks: { allowPrivateNetworks: boolean; requireHttps: boolean };
  /** Where attachments are stored (issue #12): the API hands out links to them; the workflow erases CVs of candidates not hired. */
  attachmentsBucket: string;
}

/**
 * The approval-link key as a value (`LINK_SECRET`: tests, a plain environment) or as a Secrets
 * Manager secret read at cold start (`LINK_SECRET_ARN`, optionally pinned to
 * `LINK_SECRET_VERSION_ID`: the deployed stack, so the key is in no function's configuration).
 */
export type LinkSecretSource = { value: string } | { arn: string; versionId?: string };

function linkSecretSource(env: NodeJS.ProcessEnv): LinkSecretSource {
  const arn = env.LINK_SECRET_ARN?.trim();
  const value = env.LINK_SECRET?.trim();
  if (arn && value) throw new Error('LINK_SECRET and LINK_SECRET_ARN are both set: set one (the value, or the secret holding it)');
  if (!arn && !value) throw new Error('LINK_SECRET is not set (nor LINK_SECRET_ARN, the secret holding it): generate one with `openssl rand -base64 32`');
  if (!arn) return { value: value! };
  const versionId = env.LINK_SECRET_VERSION_ID?.trim();
  return versionId ? { arn, versionId } : { arn };
}

export function readWorkflowConfig(env: NodeJS.ProcessEnv): WorkflowConfig {
  return {
    ...readCloudConfig(env),
    approvalStateMachineArn: required(env, 'APPROVAL_STATE_MACHINE_ARN'),
    mailFrom: required(env, 'MAIL_FROM'),
    linkSecret: linkSecretSource(env),
    webhooks: { allowPrivateNetworks: allowPrivateNetworks(env), requireHttps: true },
    attachmentsBucket: required(env, 'ATTACHMENTS_BUCKET'),
  };
}

/**
 * WEBHOOK_ALLOW_PRIVATE_NETWORKS=1: webhooks may be delivered to loopback and private addresses
 * (a LAN installation whose receivers are on the LAN; the tests). Off by default: a receiver
 * URL must then resolve to public addresses only (SSRF, docs/webhooks.md).
 */
function allowPrivateNetworks(env: NodeJS.ProcessEnv): boolean {
  const raw = env.WEBHOOK_ALLOW_PRIVATE_NETWORKS?.trim().toLowerCase() ?? '';
  if (['', '0', 'false', 'no', 'off'].includes(raw)) return false;
  if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
  throw new Error(`WEBHOOK_ALLOW_PRIVATE_NETWORKS must be 1 or 0, got "${env.WEBHOOK_ALLOW_PRIVATE_NETWORKS}"`);
}

/** The API reads what the workflow reads. */
export type ApiConfig = WorkflowConfig;

export function readApiConfig(env: NodeJS.ProcessEnv): ApiConfig {
  return readWorkflowConfig(env);
}

export interface LocalConfig {
  port: number;
  host: string;
  /** Where the mail catcher listens (default loopback, even with HOST=0.0.0.0). */
  mailHost: string;
  publicUrl: string;
  dataDir: string;
  adminEmail: string | undefined;
  adminPassword: string | undefined;
  demo: boolean;
  smtpUrl: string | undefined;
  mailPort: number;
  mailSmtpPort: number;
  /** s3rver's port (attachments); 0 = a free one at each start. */
  s3Port: number;
  sessionHours: number;
  /** Proxies in front (TRUSTED_PROXIES, comma-separated addresses): only their X-Forwarded-For is believed. */
  trustedProxies: string[];
  /** LOCAL_CLOCK=controllable: an administrator may move the runtime's time forward (GET/POST /api/v1/local/clock). */
  clock: 'system' | 'controllable';
  /** On one machine http receivers are fine; private addresses only with WEBHOOK_ALLOW_PRIVATE_NETWORKS=1. */
  webhooks: { allowPrivateNetworks: boolean; requireHttps: boolean };
}

/** The local runtime's variables (README "Configuration"). */
export function readLocalConfig(env: NodeJS.ProcessEnv): LocalConfig {
  const port = positiveInt(env, 'PORT', 3000);
  const host = env.HOST?.trim() || '127.0.0.1';
  const shownHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
  return {
    port,
    host,
    publicUrl: (env.PUBLIC_URL?.trim() || `http://${shownHost}:${port}`).replace(/\/$/, ''),
    dataDir: env.DATA_DIR?.trim() || '.data',
    adminEmail: env.ADMIN_EMAIL?.trim() || undefined,
    adminPassword: env.ADMIN_PASSWORD || undefined,
    demo: !['0', 'false', 'no', 'off'].includes((env.DEMO ?? '1').trim().toLowerCase()),
    smtpUrl: env.SMTP_URL?.trim() || undefined,
    // The mail catcher shows every approval link in the house: loopback only, whatever HOST says,
    // unless MAIL_HOST asks otherwise explicitly (#13 item 3).
    mailHost: env.MAIL_HOST?.trim() || '127.0.0.1',
    mailPort: positiveInt(env, 'MAIL_PORT', 1080),
    mailSmtpPort: positiveInt(env, 'MAIL_SMTP_PORT', 1025),
    s3Port: positiveInt(env, 'S3_PORT', 0),
    sessionHours: positiveInt(env, 'SESSION_HOURS', 12),
    trustedProxies: (env.TRUSTED_PROXIES ?? '').split(',').map((a) => a.trim()).filter(Boolean),
    clock: localClock(env.LOCAL_CLOCK),
    webhooks: { allowPrivateNetworks: allowPrivateNetworks(env), requireHttps: false },
  };
}

function localClock(raw: string | undefined): LocalConfig['clock'] {
  const value = raw?.trim().toLowerCase() || 'system';
  if (value !== 'system' && value !== 'controllable') throw new Error(`LOCAL_CLOCK must be "controllable" (or unset for the real time), got "${raw}"`);
  return value;
}

function required(env: NodeJS.ProcessEnv, name: string): string {
  const v = env[name]?.trim();
  if (!v) throw new Error(`${name} is not set`);
  return v;
}

function positiveInt(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 65535 * 1000) throw new Error(`${name} must be a whole number, got "${raw}"`);
  return n;
}
