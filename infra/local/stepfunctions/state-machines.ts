/**
 * State machines: CreateStateMachine, DescribeStateMachine, ListStateMachines. Definitions
 * are held in memory; the local runtime registers its ASL files at every start.
 */
import { StateMachine } from 'aws-local-stepfunctions';
import { SfnError, invalidArn, unsupported, validation } from './errors.js';
import { onlyFields, optionalInteger, optionalString, requireString, type JsonObject } from './input.js';
import type { Action, EndpointContext } from './context.js';

export interface StateMachineRecord {
  arn: string;
  name: string;
  definition: string;
  roleArn: string;
  type: 'STANDARD';
  creationDate: Date;
  tags: { key: string; value: string }[];
}

/** The registry; later the execution actions look definitions up here. */
export class StateMachineStore {
  private readonly byArn = new Map<string, StateMachineRecord>();

  get(arn: string): StateMachineRecord | undefined {
    return this.byArn.get(arn);
  }

  put(record: StateMachineRecord): void {
    this.byArn.set(record.arn, record);
  }

  /** Sorted by name, so a page token can be the last name returned. */
  list(): StateMachineRecord[] {
    return [...this.byArn.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }
}

const NAME = /^[A-Za-z0-9_-]{1,80}$/;
const DEFAULT_PAGE = 100;

export function stateMachineArn(ctx: EndpointContext, name: string): string {
  return `arn:aws:states:${ctx.region}:${ctx.accountId}:stateMachine:${name}`;
}

/** AWS JSON timestamps are epoch seconds. */
const epochSeconds = (date: Date) => date.getTime() / 1000;

export function stateMachineActions(ctx: EndpointContext): Record<string, Action> {
  const { stateMachines } = ctx;

  const describe = (arn: string): StateMachineRecord => {
    if (!arn.startsWith(`arn:aws:states:${ctx.region}:${ctx.accountId}:stateMachine:`)) {
      throw invalidArn(arn, 'Resource type not valid in this context');
    }
    if (arn.split(':').length !== 7) throw unsupported(`State machine versions and aliases (${arn})`);
    const record = stateMachines.get(arn);
    if (!record) throw new SfnError('StateMachineDoesNotExist', `State Machine Does Not Exist: '${arn}'`);
    return record;
  };

  return {
    CreateStateMachine(input: JsonObject) {
      onlyFields('CreateStateMachine', input, ['name', 'definition', 'roleArn', 'type', 'tags']);
      const name = requireString(input, 'name', 80);
      if (!NAME.test(name)) throw new SfnError('InvalidName', `Invalid Name: '${name}' (letters, digits, - and _ only)`);
      const definition = requireString(input, 'definition', 1024 * 1024);
      const roleArn = requireString(input, 'roleArn', 256);
      const type = optionalString(input, 'type') ?? 'STANDARD';
      if (type === 'EXPRESS') throw unsupported('EXPRESS state machines (the approvals run on STANDARD)');
      if (type !== 'STANDARD') throw validation(`'type' must be STANDARD or EXPRESS, not '${type}'`);
      validateDefinition(definition);

      const arn = stateMachineArn(ctx, name);
      const existing = stateMachines.get(arn);
      if (existing) {
        // Same request again is idempotent, as on AWS; a different one is a conflict.
        if (existing.definition === definition && existing.roleArn === roleArn) {
          return { stateMachineArn: arn, creationDate: epochSeconds(existing.creationDate) };
        }
        throw new SfnError('StateMachineAlreadyExists', `State Machine Already Exists: '${arn}'`);
      }
      const record: StateMachineRecord = { arn, name, definition, roleArn, type, creationDate: ctx.now(), tags: readTags(input) };
      stateMachines.put(record);
      return { stateMachineArn: arn, creationDate: epochSeconds(record.creationDate) };
    },

    DescribeStateMachine(input: JsonObject) {
      onlyFields('DescribeStateMachine', input, ['stateMachineArn']);
      const record = describe(requireString(input, 'stateMachineArn'));
      return {
        stateMachineArn: record.arn,
        name: record.name,
        status: 'ACTIVE',
        definition: record.definition,
        roleArn: record.roleArn,
        type: record.type,
        creationDate: epochSeconds(record.creationDate),
        loggingConfiguration: { level: 'OFF', includeExecutionData: false },
        tracingConfiguration: { enabled: false },
      };
    },

    ListStateMachines(input: JsonObject) {
      onlyFields('ListStateMachines', input, ['maxResults', 'nextToken']);
      const limit = optionalInteger(input, 'maxResults', 0, 1000) || DEFAULT_PAGE;
      const after = readPageToken(optionalString(input, 'nextToken'));
      const all = stateMachines.list().filter((record) => after === undefined || record.name > after);
      const page = all.slice(0, limit);
      const last = page.at(-1);
      return {
        stateMachines: page.map((record) => ({
          stateMachineArn: record.arn,
          name: record.name,
          type: record.type,
          creationDate: epochSeconds(record.creationDate),
        })),
        ...(all.length > limit && last ? { nextToken: Buffer.from(JSON.stringify({ after: last.name })).toString('base64url') } : {}),
      };
    },
  };
}

/** The same checks the execution engine makes, at creation, like AWS's InvalidDefinition. */
function validateDefinition(definition: string): void {
  let parsed: unknown;
  try {
    parsed = JSON.parse(definition);
  } catch (error) {
    throw new SfnError('InvalidDefinition', `Invalid State Machine Definition: 'INVALID_JSON_DESCRIPTION: ${(error as Error).message}'`);
  }
  try {
    new StateMachine(parsed as ConstructorParameters<typeof StateMachine>[0]);
  } catch (error) {
    const detail = (error as Error).message.replace(/^State machine definition is invalid, see error\(s\) below:\s*/, '');
    throw new SfnError('InvalidDefinition', `Invalid State Machine Definition: '${detail.trim()}'`);
  }
}

function readTags(input: JsonObject): StateMachineRecord['tags'] {
  const tags = input.tags;
  if (tags === undefined || tags === null) return [];
  if (!Array.isArray(tags)) throw validation("'tags' must be a list of {key, value}");
  return tags.map((tag: unknown) => {
    const { key, value } = (tag ?? {}) as JsonObject;
    if (typeof key !== 'string' || (value !== undefined && typeof value !== 'string')) {
      throw validation("each of 'tags' must be {key: string, value: string}");
    }
    return { key, value: value ?? '' };
  });
}

function readPageToken(token: string | undefined): string | undefined {
  if (token === undefined) return undefined;
  try {
    const { after } = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { after?: unknown };
    if (typeof after === 'string') return after;
  } catch {
    // fall through
  }
  throw new SfnError('InvalidToken', `Invalid Token: '${token}'`);
}
