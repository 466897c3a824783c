import { Avatar, Box, Button, Chip, CircularProgress, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { AutocompleteArrayInput, Form, TextInput, useDataProvider, useNotify, useTranslate } from 'react-admin';
import { useWatch } from 'react-hook-form';
import { useDateTime } from '../components/useDateTime';
import { useFormVerb } from '../components/useFormVerb';
import { usePeopleChoices } from '../components/usePeopleChoices';
import { AttachmentLinks } from '../attachments/AttachmentLinks';
import { AttachmentsInput } from '../attachments/AttachmentsInput';
import { readyIds, stillUploading, type UploadItem } from '../attachments/uploads';
import type { CommentInput, ConsoleDataProvider } from '../providers/consoleMethods';
import { useConsoleQuery } from '../providers/useConsoleQuery';
import { COMMENT_MAX, commentCounter } from './comments';

/**
 * 评论: the request's comment thread (not a decision: it never moves the request on), oldest
 * first, and a box to add one; people @-mentioned are told by mail. Shown on a task's page and on
 * the request's own page, to whoever may read the request.
 */
export const RequestComments = ({ kind, requestId, subjectEmployeeId = null }: { kind: string; requestId: string; subjectEmployeeId?: string | null }) => {
  const translate = useTranslate();
  const when = useDateTime();
  const [round, setRound] = useState(0);
  const { data: comments, isPending } = useConsoleQuery(`comments:${kind}:${requestId}:${round}`, (dp) => dp.getComments(kind, requestId));
  return (
    <Stack spacing={2} data-testid="comments">
      {isPending && !comments ? (
        <CircularProgress size={20} />
      ) : (comments ?? []).length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {translate('resources.requests.comments.empty')}
        </Typography>
      ) : (
        <Stack spacing={1.5} component="ol" sx={{ listStyle: 'none', p: 0, m: 0 }}>
          {(comments ?? []).map((c) => (
            <Box component="li" key={c.id} sx={{ display: 'flex', gap: 1.5 }} data-comment={c.id}>
              <Avatar sx={{ width: 32, height: 32, fontSize: 14 }}>{c.authorName.slice(-2)}</Avatar>
              <Box sx={{ minWidth: 0 }}>
                <Typography variant="body2">
                  <strong>{c.authorName}</strong>
                  <Typography component="span" variant="caption" color="text.secondary" sx={{ ml: 1 }}>
                    {when(c.createdAt)}
                  </Typography>
                </Typography>
                <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                  {c.text}
                </Typography>
                {c.attachments.length > 0 && <AttachmentLinks attachments={c.attachments} />}
                {c.mentions.length > 0 && (
                  <Stack direction="row" spacing={0.5} sx={{ mt: 0.5, flexWrap: 'wrap' }}>
                    {c.mentions.map((m) => (
                      <Chip key={m.id} size="small" variant="outlined" label={`@${m.name}`} />
                    ))}
                  </Stack>
                )}
              </Box>
            </Box>
          ))}
        </Stack>
      )}
      <CommentForm kind={kind} requestId={requestId} subjectEmployeeId={subjectEmployeeId} onAdded={() => setRound((r) => r + 1)} />
    </Stack>
  );
};

const validateText = (value: string | undefined) => {
  if (!value || !value.trim()) return 'resources.requests.comments.required';
  return commentCounter(value).over ? { message: 'resources.requests.comments.too_long', args: { max: COMMENT_MAX } } : undefined;
};

const CommentForm = ({ kind, requestId, subjectEmployeeId, onAdded }: { kind: string; requestId: string; subjectEmployeeId: string | null; onAdded: () => void }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const [formKey, setFormKey] = useState(0);
  const [picking, setPicking] = useState(false);
  const { choices, isPending } = usePeopleChoices({ enabled: picking, subjectEmployeeId });
  // 添加附件: files uploading or uploaded for this comment; the finished ones go with it.
  const [uploads, setUploads] = useState<UploadItem[]>([]);
  const [attachmentsError, setAttachmentsError] = useState<string | undefined>();
  const { submit, submitting } = useFormVerb(async (values: { text: string; mentions?: string[] }) => {
    if (stillUploading(uploads)) {
      notify('resources.attachments.wait', { type: 'warning' });
      return;
    }
    setAttachmentsError(undefined);
    const attachments = readyIds(uploads);
    const input: CommentInput = { text: values.text.trim(), mentions: (values.mentions ?? []).map(String), ...(attachments.length ? { attachments } : {}) };
    try {
      await dataProvider.addComment(kind, requestId, input);
    } catch (error) {
      const refused = (((error as { body?: { errors?: Array<{ path?: string; message?: string }> } }).body)?.errors ?? []).find((x) => x.path === 'attachments');
      if (refused) setAttachmentsError(refused.message);
      throw error;
    }
    notify('resources.requests.comments.added', { type: 'success' });
    setUploads([]);
    setFormKey((k) => k + 1);
    onAdded();
  }, ['text', 'mentions']);
  return (
    <Form key={formKey} onSubmit={submit as never} defaultValues={{ text: '', mentions: [] }} noValidate>
      <TextInput
        source="text"
        label="resources.requests.comments.text"
        multiline
        minRows={2}
        validate={validateText}
        helperText={<CommentCounter />}
        sx={{ mb: 0 }}
      />
      <Box onFocus={() => setPicking(true)}>
        <AutocompleteArrayInput
          source="mentions"
          label="resources.requests.comments.mentions"
          choices={choices}
          optionText="label"
          isPending={isPending}
          helperText="resources.requests.comments.mentions_hint"
        />
      </Box>
      <AttachmentsInput items={uploads} onChange={setUploads} error={attachmentsError} disabled={submitting} testId="comment-attachments" />
      <Button type="submit" variant="contained" size="small" disabled={submitting} sx={{ mt: 1 }}>
        {translate('resources.requests.comments.submit')}
      </Button>
    </Form>
  );
};

/** “还可输入 1,980 字” under the box, in red when over (评论最多 2000 字). */
const CommentCounter = () => {
  const translate = useTranslate();
  const text = useWatch({ name: 'text' }) as string | undefined;
  const { count, over } = commentCounter(text);
  return (
    <Typography component="span" variant="caption" color={over ? 'error' : 'text.secondary'} data-testid="comment-counter">
      {translate('resources.requests.comments.counter', { count, max: COMMENT_MAX })}
    </Typography>
  );
};
