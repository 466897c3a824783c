/**
 * Attachments (issue #12). The API never carries a file: POST hands out a presigned PUT for
 * exactly the declared type and size (policy attachments.*), GET hands out a short-lived
 * presigned GET after its own check, and audits it. A decision (or a comment) then names the
 * ids it carries (`claimAttachments`); so does a candidate, for their CV (read by the candidate's
 * rule and audited on the candidate too).
 */
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { DomainError } from '../../domain/errors.js';
import { checkUpload, cleanFileName } from '../../domain/attachments/rules.js';
import { createAttachment, getAttachment, recordDownload, type Attachment } from '../../storage/attachments.js';
import { recordCvView } from '../../storage/candidates.js';
import { newId } from '../../storage/ids.js';
import { headObject, presignDownload, presignUpload } from '../../storage/objects.js';
import { getPolicy } from '../../storage/policies.js';
import { newRouter, principalOf, type AppEnv } from '../env.js';
import { idempotent } from '../middleware/idempotency.js';
import { peopleOnly, requires } from '../middleware/requires.js';
import { IdParam, json, jsonBody, problemResponses, lineText, IDEMPOTENCY_KEY } from '../schemas.js';
import { readableCandidate } from './candidate-access.js';
import { mayReadRequest } from './request-access.js';

/** A presigned PUT lasts long enough for a slow upload of the largest file, no longer. */
export const UPLOAD_URL_SECONDS = 15 * 60;
/** A download link is used at once by the browser that asked for it. */
export const DOWNLOAD_URL_SECONDS = 5 * 60;

const NewAttachment = z
  .object({
    fileName: lineText(200),
    contentType: z.string().min(1).max(200).openapi({ example: 'application/pdf' }),
    size: z.number().int().min(0).openapi({ description: 'Bytes; the upload must be exactly this long' }),
  })
  .strict()
  .openapi('NewAttachment');

const Upload = z
  .object({
    id: z.string(),
    uploadUrl: z.string().openapi({ description: 'Presigned PUT to object storage: send the file as the body, with `headers`, before `expiresAt`' }),
    method: z.literal('PUT'),
    headers: z.record(z.string(), z.string()).openapi({ description: 'Headers the PUT must carry (Content-Type); Content-Length is the declared size' }),
    expiresAt: z.string(),
    fileName: z.string(),
    contentType: z.string(),
    size: z.number().int(),
  })
  .openapi('AttachmentUpload');

export const DownloadSchema = z.object({ url: z.string(), expiresAt: z.string(), fileName: z.string() }).openapi('AttachmentDownload');

/** A download's answer: 302 to a presigned GET, or `{url, expiresAt, fileName}` when the client asks for JSON (the console). */
export async function downloadAnswer(c: Context<AppEnv>, a: Pick<Attachment, 'objectKey' | 'fileName' | 'contentType'>, now: Date) {
  const url = await presignDownload(c.get('deps').objects, {
    key: a.objectKey, fileName: a.fileName, contentType: a.contentType, expiresInSeconds: DOWNLOAD_URL_SECONDS, signingDate: now,
  });
  if (/\bapplication\/json\b/i.test(c.req.header('accept') ?? '')) {
    return c.json({ url, expiresAt: new Date(now.getTime() + DOWNLOAD_URL_SECONDS * 1000).toISOString(), fileName: a.fileName }, 200);
  }
  return c.redirect(url, 302);
}

export function attachmentsRoutes() {
  const app = newRouter();

  app.openapi(
    createRoute({
      method: 'post', path: '/', operationId: 'startAttachmentUpload', tags: ['attachments'],
      summary: 'Start an upload: the file’s name, type and size are checked against policy (attachments.allowedTypes, maxBytes); answers a presigned PUT',
      description: 'PUT the bytes to `uploadUrl` with `headers`, then name the `id` in `attachments` of a decision (or comment) within a day. Wrong type → 422 naming `contentType`; too large → 422 naming `size`.',
      middleware: [peopleOnly(), requires('approvals:write'), idempotent()] as const,
      parameters: [IDEMPOTENCY_KEY],
      request: { body: jsonBody(NewAttachment) },
      responses: { 201: json(Upload, 'Created'), ...problemResponses(400, 401, 403, 422) },
    }),
    async (c) => {
      const p = principalOf(c);
      const deps = c.get('deps');
      const body = c.req.valid('json');
      const policy = (await getPolicy(deps.store, 'approvals')).values.attachments;
      const { contentType } = checkUpload(policy, body);
      const now = deps.now();
      const id = newId(now.getTime());
      const saved = await createAttachment(deps.store, {
        id, fileName: cleanFileName(body.fileName), contentType, size: body.size, uploaderId: p.id, uploaderName: p.name, createdAt: now.toISOString(),
      }, c.get('channel'));
      const { url, headers } = await presignUpload(deps.objects, { key: saved.objectKey, contentType, size: body.size, expiresInSeconds: UPLOAD_URL_SECONDS, signingDate: now });
      return c.json({
        id, uploadUrl: url, method: 'PUT' as const, headers, expiresAt: new Date(now.getTime() + UPLOAD_URL_SECONDS * 1000).toISOString(),
        fileName: saved.fileName, contentType, size: saved.size,
      }, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/{id}', operationId: 'downloadAttachment', tags: ['attachments'],
      summary: 'Download: a short-lived link to the file under its own name; every download is audited',
      description: 'For the uploader, and for anyone who may read the request the file is attached to (a CV: whoever may read the candidate, not its uploader as such); anyone else gets 404. Answers 302 to the presigned GET, or `{url, expiresAt}` with `Accept: application/json` (the console, which fetches with its session).',
      middleware: [peopleOnly()] as const,
      request: { params: IdParam },
      responses: {
        200: json(DownloadSchema),
        302: { description: 'To the presigned GET (valid for a few minutes)', headers: z.object({ Location: z.string() }) },
        ...problemResponses(400, 401, 403, 404),
      },
    }),
    async (c) => {
      const p = principalOf(c);
      const deps = c.get('deps');
      const now = deps.now();
      const attachment = await getAttachment(deps.store, c.req.valid('param').id, now);
      const mine = attachment?.uploaderId === p.id;
      const target = attachment?.status === 'attached' ? attachment.target : null;
      // A candidate's CV follows the candidate's rule alone (not its uploader's): candidate-access.ts.
      const cvOf = target?.via === 'cv' ? await readableCandidate(c, p, target.requestId) : null;
      const readable = target
        ? target.via === 'cv' ? cvOf !== null : mine || (await mayReadRequest(c, p, target.requestKind, target.requestId))
        : mine;
      if (!attachment || !readable) throw new DomainError('ATTACHMENT.NOT_FOUND', 'id');
      // A pending upload is the uploader's to look at once its file is there; until then there is nothing to download.
      if (attachment.status === 'pending' && !(await headObject(deps.objects, attachment.objectKey))) throw new DomainError('ATTACHMENT.NOT_FOUND', 'id');
      const actor = { id: p.id, name: p.name };
      if (cvOf) await recordCvView(deps.store, cvOf.candidate.id, attachment, actor, c.get('channel'), now.toISOString());
      else await recordDownload(deps.store, attachment, actor, c.get('channel'), now.toISOString());
      return downloadAnswer(c, attachment, now);
    },
  );

  return app;
}
