/**
 * State machines: Create, Update, Describe, List. Records live in the journal, so with
 * persistence they survive a restart. The local runtime registers its ASL files at every
 * start: CreateStateMachine with the same definition is idempotent (as on AWS), and a
 * changed file is an UpdateStateMachine (running executions keep the definition they
 * started with, as on AWS).
 */
import { SfnError, invalidArn, unsupported, validation } from './errors.js';
import { epochSeconds, onlyFields, optionalInteger, optionalString, pageToken, readPageToken, requireString, type JsonObject } from './input.js';
import type { StateMachineRecord } from './journal.js';
import type { Action, EndpointContext } from './context.js';

export type { StateMachineRecord };

const NAME = /^[A-Za-z0-9_-]{1,80}$/;
const DEFAULT_PAGE = 100;
/** The service's limits (Step Functions quotas: a definition up to 1 MB). */
const MAX_DEFINITION = 1024 * 1024;
const MAX_ROLE_ARN = 256;

export function stateMachineArn(ctx: EndpointContext, name: string): string {
  return `arn:aws:states:${ctx.region}:${ctx.accountId}:stateMachine:${name}`;
}

export async function requireStateMachine(ctx: EndpointContext, arn: string): Promise<StateMachineRecord> {
  if (!arn.startsWith(`arn:aws:states:${ctx.region}:${ctx.accountId}:stateMachine:`)) {
    throw invalidArn(arn, 'Resource type not valid in this context');
  }
  if (arn.split(':').length !== 7) throw unsupported(`State machine versions and aliases (${arn})`);
  const record = await ctx.journal.getStateMachine(arn);
  if (!record) throw new SfnError('StateMachineDoesNotExist', `State Machine Does Not Exist: '${arn}'`);
  return record;
}

export function stateMachineActions(ctx: EndpointContext): Record<string, Action> {
  return {
    async CreateStateMachine(input: JsonObject) {
      onlyFields('CreateStateMachine', input, ['name', 'definition', 'roleArn', 'type', 'tags']);
      const name = requireString(input, 'name', 80);
      if (!NAME.test(name)) throw new SfnError('InvalidName', `Invalid Name: '${name}' (letters, digits, - and _ only)`);
      const definition = requireString(input, 'definition', MAX_DEFINITION);
      const roleArn = requireString(input, 'roleArn', MAX_ROLE_ARN);
      const type = optionalString(input, 'type') ?? 'STANDARD';
      if (type === 'EXPRESS') throw unsupported('EXPRESS state machines (the approvals run on STANDARD)');
      if (type !== 'STANDARD') throw validation(`'type' must be STANDARD or EXPRESS, not '${type}'`);
      ctx.engine.compile(definition);

      const record: StateMachineRecord = {
        arn: stateMachineArn(ctx, name),
        name,
        definition,
        roleArn,
        type,
        creationDate: ctx.now().toISOString(),
        tags: readTags(input),
      };
      const existing = await ctx.journal.createStateMachine(record);
      // Same request again is idempotent, as on AWS; a different one is a conflict.
      if (existing && (existing.definition !== definition || existing.roleArn !== roleArn)) {
        throw new SfnError('StateMachineAlreadyExists', `State Machine Already Exists: '${record.arn}'`);
      }
      return { stateMachineArn: record.arn, creationDate: epochSeconds((existing ?? record).creationDate) };
    },

    async UpdateStateMachine(input: JsonObject) {
      onlyFields('UpdateStateMachine', input, ['stateMachineArn', 'definition', 'roleArn']);
      const record = await requireStateMachine(ctx, requireString(input, 'stateMachineArn'));
      // The same limits as CreateStateMachine: an ASL file is far longer than the 2,048 default.
      const definition = optionalString(input, 'definition', MAX_DEFINITION);
      const roleArn = optionalString(input, 'roleArn', MAX_ROLE_ARN);
      if (definition === undefined && roleArn === undefined) throw new SfnError('MissingRequiredParameter', 'Either the definition or the roleArn must be specified');
      if (definition !== undefined) ctx.engine.compile(definition);
      const updateDate = ctx.now().toISOString();
      await ctx.journal.updateStateMachine({ ...record, definition: definition ?? record.definition, roleArn: roleArn ?? record.roleArn, updateDate });
      return { updateDate: epochSeconds(updateDate) };
    },

    async DescribeStateMachine(input: JsonObject) {
      onlyFields('DescribeStateMachine', input, ['stateMachineArn']);
      const record = await requireStateMachine(ctx, requireString(input, 'stateMachineArn'));
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

    async ListStateMachines(input: JsonObject) {
      onlyFields('ListStateMachines', input, ['maxResults', 'nextToken']);
      const limit = optionalInteger(input, 'maxResults', 0, 1000) || DEFAULT_PAGE;
      const after = readPageToken(optionalString(input, 'nextToken'));
      // Sorted by name, so a page token can be the last name returned.
      const all = (await ctx.journal.listStateMachines())
        .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
        .filter((record) => after === undefined || record.name > after);
      const page = all.slice(0, limit);
      const last = page.at(-1);
      return {
        stateMachines: page.map((record) => ({
          stateMachineArn: record.arn,
          name: record.name,
          type: record.type,
          creationDate: epochSeconds(record.creationDate),
        })),
        ...(all.length > limit && last ? { nextToken: pageToken(last.name) } : {}),
      };
    },
  };
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
