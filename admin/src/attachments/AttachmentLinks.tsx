import AttachFileIcon from '@mui/icons-material/AttachFile';
import { Link, Stack, Typography } from '@mui/material';
import { HttpError, useDataProvider, useNotify } from 'react-admin';
import type { ConsoleDataProvider } from '../providers/consoleMethods';
import { sizeText, type AttachmentRef } from './uploads';

/**
 * A decision's files in the timeline (issue #12). Each opens through the console's own API
 * path with the session (GET /attachments/{id}, audited), which answers a short-lived link to
 * the file; no object-storage address is ever kept on the page.
 */
export const AttachmentLinks = ({ attachments }: { attachments: readonly AttachmentRef[] }) => {
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const notify = useNotify();
  async function open(a: AttachmentRef) {
    try {
      const { data } = await dataProvider.attachmentLink(a.id);
      window.location.assign(data.url);
    } catch (err) {
      notify('resources.attachments.download_failed', { type: 'error', messageArgs: { message: err instanceof HttpError ? err.message : String(err) } });
    }
  }
  return (
    <Stack component="ul" spacing={0.25} sx={{ listStyle: 'none', m: 0, mt: 0.25, pl: 1 }} data-attachments>
      {attachments.map((a) => (
        <li key={a.id}>
          <Link component="button" type="button" variant="body2" onClick={() => void open(a)} sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5 }}>
            <AttachFileIcon fontSize="inherit" />
            {a.fileName}
          </Link>{' '}
          <Typography component="span" variant="caption" color="text.secondary">{sizeText(a.size)}</Typography>
        </li>
      ))}
    </Stack>
  );
};
