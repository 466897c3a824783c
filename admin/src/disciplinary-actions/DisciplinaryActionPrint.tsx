import PrintIcon from '@mui/icons-material/Print';
import { Box, Button, CircularProgress, GlobalStyles, Typography } from '@mui/material';
import { Title, useGetOne, useLocaleState, useParams, useTranslate } from 'react-admin';
import { useDateTime } from '../components/useDateTime';
import { formatDay } from '../resignations/notice';
import { signingWords } from './actions';
import type { DisciplinaryAction, NoticeSignature } from './types';
import { useSignatureImage } from './useSignatureImage';

// A4 paper: the console's frame (app bar, menu) and the buttons are not printed (as a probation review's print page).
const PRINT_CSS = {
  '@page': { size: 'A4', margin: '16mm 14mm' },
  '@media print': {
    'header, .MuiAppBar-root, .RaSidebar-root, .MuiDrawer-root, [data-print-hide]': { display: 'none !important' },
    'body, .RaLayout-content, .RaLayout-appFrame, .RaLayout-contentWithSidebar': { background: '#fff !important', padding: '0 !important', margin: '0 !important' },
    '[data-print-page]': { boxShadow: 'none !important', border: 'none !important', padding: '0 !important', maxWidth: 'none !important' },
    '[data-print-page] tr': { pageBreakInside: 'avoid' },
  },
} as const;

const cell = { border: '1px solid #999', padding: '4px 6px', verticalAlign: 'top', textAlign: 'left' as const, fontSize: 13, whiteSpace: 'pre-wrap' as const };
const head = { ...cell, width: '22%', background: '#f3f3f3' };
const key = (path: string) => `resources.disciplinary-actions.${path}`;

/**
 * 打印: the 处罚单 on paper (A4, from the browser's print): the notice's rows, the handwritten
 * signature(s) with time, channel and the hash of the text signed, the refusal and the
 * witnesses, the statement that signing is not agreement, and the right to appeal with its last
 * day. Its footer carries the action's id and the notice hash, so the paper can be checked
 * against the record.
 */
const DisciplinaryActionPrint = () => {
  const { id = '' } = useParams();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const when = useDateTime();
  const { data: record } = useGetOne<DisciplinaryAction>('disciplinary-actions', { id });
  if (!record) return <CircularProgress sx={{ m: 4 }} />;
  const p = (path: string, options?: Record<string, unknown>) => translate(key(`print.${path}`), options);
  const appealRight = record.level === 'dismissal'
    ? null
    : record.appealLastDay
      ? p('appeal_until', { day: formatDay(record.appealLastDay, locale), days: record.terms.appealAnswerDays })
      : p('appeal_after_service', { days: record.terms.appealDays, answer: record.terms.appealAnswerDays });
  const signatures = [...(record.signature ? [record.signature] : []), ...record.witnesses];
  return (
    <Box sx={{ p: { xs: 1, sm: 3 } }}>
      <GlobalStyles styles={PRINT_CSS} />
      {/* The screen's h1, in the app bar (not printed); on paper the notice's own title leads. */}
      <Title title={record.notice.title} />
      <Box data-print-hide sx={{ mb: 2, display: 'flex', gap: 1 }}>
        <Button variant="contained" startIcon={<PrintIcon />} onClick={() => window.print()}>
          {p('print')}
        </Button>
      </Box>
      <Box data-print-page data-testid="discipline-print" sx={{ maxWidth: '210mm', bgcolor: '#fff', color: '#000', p: 3, boxShadow: 1, fontFamily: '"Noto Serif CJK SC", "Songti SC", serif' }}>
        <Typography variant="h5" component="h2" sx={{ textAlign: 'center', fontWeight: 700, mb: 2 }}>
          {p('title')}
        </Typography>
        <table style={{ borderCollapse: 'collapse', width: '100%', marginBottom: 16 }}>
          <tbody>
            {record.notice.rows.map(([label, value]) => (
              <tr key={label}>
                <th style={head}>{label}</th>
                <td style={cell}>{value}</td>
              </tr>
            ))}
            <tr>
              <th style={head}>{p('status')}</th>
              <td style={cell}>{record.statusLabel}</td>
            </tr>
            {record.refusal && (
              <tr>
                <th style={head}>{p('refusal')}</th>
                <td style={cell}>{p('refused', { time: when(record.refusal.at), reason: record.refusal.reason })}</td>
              </tr>
            )}
            {record.witnessIds.length > 0 && (
              <tr>
                <th style={head}>{p('witnesses')}</th>
                <td style={cell}>{record.witnessNames.join('、')}</td>
              </tr>
            )}
          </tbody>
        </table>
        {record.level !== 'dismissal' && (
          <Typography component="p" sx={{ fontWeight: 700, fontSize: 14, mb: 1 }} data-testid="print-not-agreement">
            {signingWords(record) ?? translate(key('sign.receipt'))}
          </Typography>
        )}
        {appealRight && (
          <Typography component="p" sx={{ fontSize: 14, mb: 2 }} data-testid="print-appeal">
            {appealRight}
          </Typography>
        )}
        <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 700, mb: 1 }}>
          {p('signatures')}
        </Typography>
        {signatures.length === 0 ? (
          <Typography sx={{ fontSize: 13, mb: 2 }}>{p('unsigned')}</Typography>
        ) : (
          <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(60mm, 1fr))', gap: 2, mb: 2 }}>
            {signatures.map((s) => (
              <PrintedSignature key={`${s.role}-${s.userId}`} signature={s} />
            ))}
          </Box>
        )}
        <Typography variant="caption" component="p" sx={{ mt: 3, color: '#555', overflowWrap: 'anywhere' }} data-notice-hash={record.noticeHash}>
          {p('footer', { time: when(new Date().toISOString()), id: record.id, hash: record.noticeHash })}
        </Typography>
      </Box>
    </Box>
  );
};

/** One signature as printed: the image, whose it is, when, through which channel, and the hashes. */
const PrintedSignature = ({ signature }: { signature: NoticeSignature }) => {
  const translate = useTranslate();
  const when = useDateTime();
  const image = useSignatureImage(signature.imageUrl, signature.imageSha256);
  const channel = translate(`audit.channels.${signature.channel}`, { _: signature.channel });
  return (
    <Box sx={{ border: '1px solid #999', p: 1, fontSize: 12, breakInside: 'avoid' }} data-signature={signature.role}>
      <div style={{ fontWeight: 700 }}>{translate(key(`signatures.${signature.role}`), { name: signature.name })}</div>
      <Box sx={{ height: 90, display: 'flex', alignItems: 'center', justifyContent: 'center', my: 0.5 }}>
        {image.src ? (
          <img src={image.src} alt={translate(key('signatures.image_alt'), { name: signature.name })} style={{ maxWidth: '100%', maxHeight: 90 }} data-signature-image />
        ) : (
          <span>{translate(key(image.failed ? 'signatures.image_failed' : 'signatures.image_loading'))}</span>
        )}
      </Box>
      <div>{`${when(signature.at)} · ${channel}`}</div>
      <div style={{ fontFamily: 'monospace', overflowWrap: 'anywhere' }}>{translate(key('print.notice_hash'), { hash: signature.noticeHash })}</div>
      <div style={{ fontFamily: 'monospace', overflowWrap: 'anywhere' }}>{translate(key('print.image_hash'), { hash: signature.imageSha256 })}</div>
    </Box>
  );
};

export default DisciplinaryActionPrint;
