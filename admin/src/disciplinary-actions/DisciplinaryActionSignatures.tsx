import { Box, Chip, Stack, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { useDateTime } from '../components/useDateTime';
import type { DisciplinaryAction, NoticeSignature } from './types';
import { useSignatureImage } from './useSignatureImage';

const key = (path: string) => `resources.disciplinary-actions.${path}`;

/** A hash cut to fit a phone (the whole one is in its title, and on the printed notice). */
export const shortHash = (hash: string) => (hash.length > 20 ? `${hash.slice(0, 12)}…${hash.slice(-8)}` : hash);

/**
 * One handwritten signature: the image, who signed (the employee, or a witness), when, through
 * which channel, and the hash of the notice text signed; whether the image read is the one kept
 * (its SHA-256).
 */
export const SignatureCard = ({ signature }: { signature: NoticeSignature }) => {
  const translate = useTranslate();
  const when = useDateTime();
  const image = useSignatureImage(signature.imageUrl, signature.imageSha256);
  const channel = translate(`audit.channels.${signature.channel}`, { _: signature.channel });
  return (
    <Box sx={{ border: 1, borderColor: 'divider', borderRadius: 1, p: 1.5 }} data-signature={signature.role} data-testid={`signature-${signature.role}`}>
      <Typography variant="subtitle2">
        {translate(key(`signatures.${signature.role}`), { name: signature.name })}
      </Typography>
      <Box sx={{ my: 1, bgcolor: '#fff', border: 1, borderColor: 'divider', borderRadius: 0.5, minHeight: 60, display: 'flex', alignItems: 'center', justifyContent: 'center' }}>
        {image.src ? (
          <Box component="img" src={image.src} alt={translate(key('signatures.image_alt'), { name: signature.name })} sx={{ maxWidth: '100%', maxHeight: 120, display: 'block' }} data-signature-image />
        ) : (
          <Typography variant="caption" color="text.secondary">
            {translate(key(image.failed ? 'signatures.image_failed' : 'signatures.image_loading'))}
          </Typography>
        )}
      </Box>
      <Typography variant="body2">{`${when(signature.at)} · ${channel}`}</Typography>
      <Typography variant="caption" component="div" color="text.secondary" title={signature.noticeHash} sx={{ fontFamily: 'monospace', overflowWrap: 'anywhere' }} data-notice-hash={signature.noticeHash}>
        {translate(key('signatures.notice_hash'), { hash: shortHash(signature.noticeHash) })}
      </Typography>
      {image.matches !== undefined && (
        <Chip size="small" variant="outlined" color={image.matches ? 'success' : 'error'} sx={{ mt: 0.5 }} label={translate(key(image.matches ? 'signatures.image_matches' : 'signatures.image_differs'))} />
      )}
    </Box>
  );
};

/**
 * 签字记录: the employee's signature; or their refusal (why, when) and the named witnesses, each
 * signed or still to sign; nothing yet while the notice waits.
 */
export const DisciplinaryActionSignatures = ({ record }: { record: DisciplinaryAction }) => {
  const translate = useTranslate();
  const when = useDateTime();
  const signed = new Set(record.witnesses.map((w) => w.userId));
  const unsigned = record.witnessIds.map((id, i) => ({ id, name: record.witnessNames[i] ?? id })).filter((w) => !signed.has(w.id));
  const nothing = !record.signature && !record.refusal && record.witnessIds.length === 0;
  return (
    <Stack spacing={1.5} data-testid="discipline-signatures">
      {nothing && <Typography color="text.secondary">{translate(key('signatures.none'))}</Typography>}
      {record.signature && <SignatureCard signature={record.signature} />}
      {record.refusal && (
        <Typography variant="body2" data-testid="discipline-refusal">
          {translate(key('signatures.refused'), { name: record.employeeName, time: when(record.refusal.at), reason: record.refusal.reason })}
        </Typography>
      )}
      {record.witnessIds.length > 0 && (
        <Typography variant="body2" color="text.secondary">
          {translate(key('signatures.witnesses_named'), { names: record.witnessNames.join('、'), count: record.terms.witnesses })}
        </Typography>
      )}
      {record.witnesses.map((w) => (
        <SignatureCard key={w.userId} signature={w} />
      ))}
      {record.refusal && unsigned.map((w) => (
        <Typography key={w.id} variant="body2" color="warning.main">
          {translate(key('signatures.witness_pending'), { name: w.name })}
        </Typography>
      ))}
      {record.refusal && record.witnessIds.length === 0 && record.status === 'pending_signature' && (
        <Typography variant="body2" color="warning.main">
          {translate(key('signatures.no_witnesses'), { count: record.terms.witnesses })}
        </Typography>
      )}
    </Stack>
  );
};
