/**
 * The HMAC key of the emailed approval links (links.ts), from wherever the configuration says:
 * a value (`LINK_SECRET`: tests, the local runtime, a plain environment) or a Secrets Manager
 * secret (`LINK_SECRET_ARN`: the deployed stack). One path either way — the value is read,
 * then checked by `linkSecretFromEnv` — so only the source differs between here and AWS.
 *
 * Why not the value in the Lambda environment: whoever may call
 * `lambda:GetFunctionConfiguration` reads the environment, and with the key could forge
 * approval links. The entry files call this once, at cold start (a top-level await), and keep
 * the key in module scope: a container reads the secret once, not per request.
 */
import type { LinkSecretSource } from '../config.js';
import { linkSecretFromEnv } from './links.js';

/** Reads a secret's string (GetSecretValue); tests pass their own. */
export type SecretReader = (source: { arn: string; versionId?: string }, region?: string) => Promise<string | undefined>;

export async function loadLinkSecret(
  source: LinkSecretSource,
  options: { region?: string; read?: SecretReader } = {},
): Promise<Uint8Array> {
  if ('value' in source) return linkSecretFromEnv(source.value);
  const value = await (options.read ?? readFromSecretsManager)(source, options.region);
  return linkSecretFromEnv(value, `the link secret (${source.arn})`);
}

/**
 * GetSecretValue, the one Secrets Manager call the functions are allowed (LinkSecret.bind).
 * The client is imported here, not at the top: only a function configured with an ARN loads it.
 */
const readFromSecretsManager: SecretReader = async ({ arn, versionId }, region) => {
  const { SecretsManagerClient, GetSecretValueCommand } = await import('@aws-sdk/client-secrets-manager');
  const client = new SecretsManagerClient(region ? { region } : {});
  try {
    const { SecretString } = await client.send(new GetSecretValueCommand({ SecretId: arn, ...(versionId ? { VersionId: versionId } : {}) }));
    return SecretString;
  } finally {
    client.destroy();
  }
};
