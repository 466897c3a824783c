import AttachFileIcon from '@mui/icons-material/AttachFile';
import CloseIcon from '@mui/icons-material/Close';
import { Box, Button, IconButton, LinearProgress, Stack, Typography } from '@mui/material';
import { useRef } from 'react';
import { HttpError, useDataProvider, useTranslate } from 'react-admin';
import type { ConsoleDataProvider } from '../providers/consoleMethods';
import { contentTypeOf, newItem, putFile, sizeText, update, type UploadItem } from './uploads';

/**
 * 添加附件 (issue #12): each chosen file is started with POST /attachments (the API checks type
 * and size against policy and names what is wrong) and PUT straight to object storage, with its
 * progress; a failed one says why and can be removed. The parent keeps `items` and sends the
 * finished ids with the decision.
 */
export const AttachmentsInput = ({ items, onChange, error, disabled, testId = 'decision-attachments' }: {
  items: UploadItem[];
  onChange: (change: (items: UploadItem[]) => UploadItem[]) => void;
  /** The server's refusal of `attachments` on the decision. */
  error?: string | undefined;
  disabled?: boolean;
  /** Tells a decision's files from a comment's on one page. */
  testId?: string;
}) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const input = useRef<HTMLInputElement>(null);

  async function send(file: File) {
    const item = newItem(file);
    onChange((list) => [...list, item]);
    try {
      const { data: upload } = await dataProvider.startAttachment({ fileName: file.name, contentType: contentTypeOf(file), size: file.size });
      await putFile(upload, file, (percent) => onChange((list) => update(list, item.key, { percent })));
      onChange((list) => update(list, item.key, { status: 'done', percent: 100, id: upload.id }));
    } catch (err) {
      const message = err instanceof HttpError ? err.message : err instanceof Error ? err.message : String(err);
      onChange((list) => update(list, item.key, { status: 'failed', error: translate('resources.attachments.failed', { message: translate(message, { _: message }) }) }));
    }
  }

  return (
    <Box sx={{ my: 1 }} data-testid={testId}>
      <input
        ref={input}
        type="file"
        multiple
        hidden
        onChange={(e) => {
          for (const file of Array.from(e.target.files ?? [])) void send(file);
          e.target.value = '';
        }}
      />
      <Button size="small" startIcon={<AttachFileIcon />} disabled={disabled} onClick={() => input.current?.click()}>
        {translate('resources.attachments.add')}
      </Button>
      {items.length > 0 && (
        <Stack component="ul" spacing={0.5} sx={{ listStyle: 'none', m: 0, p: 0 }}>
          {items.map((i) => (
            <Box component="li" key={i.key} data-upload-status={i.status}>
              <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
                <Typography variant="body2" sx={{ flex: 1, minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
                  {i.fileName} <Typography component="span" variant="caption" color="text.secondary">{sizeText(i.size)}</Typography>
                </Typography>
                {i.status === 'uploading' && <Typography variant="caption">{translate('resources.attachments.uploading', { percent: i.percent })}</Typography>}
                <IconButton size="small" aria-label={translate('resources.attachments.remove', { name: i.fileName })} onClick={() => onChange((list) => list.filter((x) => x.key !== i.key))}>
                  <CloseIcon fontSize="small" />
                </IconButton>
              </Stack>
              {i.status === 'uploading' && <LinearProgress variant="determinate" value={i.percent} />}
              {i.error && <Typography variant="caption" color="error">{i.error}</Typography>}
            </Box>
          ))}
        </Stack>
      )}
      {error && <Typography variant="caption" color="error" component="div">{error}</Typography>}
    </Box>
  );
};
