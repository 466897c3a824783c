/**
 * SendTaskSuccess, SendTaskFailure, SendTaskHeartbeat: how a human decision reaches a
 * waiting `.waitForTaskToken` task. Errors as AWS names them: a token we never issued is
 * InvalidToken; a token whose task is closed (decided, timed out, execution stopped or
 * ended) is TaskTimedOut — so of two concurrent decisions, the loser gets TaskTimedOut.
 */
import { SfnError } from './errors.js';
import { onlyFields, optionalString, requireString, type JsonObject } from './input.js';
import type { Action, EndpointContext } from './context.js';

const MAX_OUTPUT = 256 * 1024;

export function taskTokenActions(ctx: EndpointContext): Record<string, Action> {
  return {
    async SendTaskSuccess(input: JsonObject) {
      onlyFields('SendTaskSuccess', input, ['taskToken', 'output']);
      const token = requireString(input, 'taskToken', 2048);
      const output = requireString(input, 'output', MAX_OUTPUT);
      let result: unknown;
      try {
        result = JSON.parse(output);
      } catch (error) {
        throw new SfnError('InvalidOutput', `Invalid Output: '${(error as Error).message}'`);
      }
      await ctx.engine.decide(token, { ok: true, result });
      return {};
    },

    async SendTaskFailure(input: JsonObject) {
      onlyFields('SendTaskFailure', input, ['taskToken', 'error', 'cause']);
      const token = requireString(input, 'taskToken', 2048);
      const error = optionalString(input, 'error') ?? '';
      const cause = optionalString(input, 'cause') ?? '';
      if (error.length > 256) throw new SfnError('ValidationException', "'error' must have length less than or equal to 256");
      if (cause.length > 32768) throw new SfnError('ValidationException', "'cause' must have length less than or equal to 32768");
      await ctx.engine.decide(token, { ok: false, error, cause });
      return {};
    },

    async SendTaskHeartbeat(input: JsonObject) {
      onlyFields('SendTaskHeartbeat', input, ['taskToken']);
      // No HeartbeatSeconds here (refused at CreateStateMachine): a heartbeat only checks the token.
      await ctx.engine.decide(requireString(input, 'taskToken', 2048), 'heartbeat');
      return {};
    },
  };
}
