import AddIcon from '@mui/icons-material/Add';
import DrawIcon from '@mui/icons-material/Draw';
import PersonSearchIcon from '@mui/icons-material/PersonSearch';
import { Box, Button, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useState } from 'react';
import { Confirm, useGetIdentity, useTranslate } from 'react-admin';
import { useDateTime } from '../components/useDateTime';
import { handoverProgress, type HandoverItem, type Offboarding } from './types';
import { AddHandoverDialog, ReceiverDialog } from './HandoverDialogs';
import { useOffboardingVerb } from './useOffboardingVerb';

const key = (path: string) => `resources.offboardings.${path}`;

/**
 * 离职工作移交单 (001 六(二)): each item with where it comes from and who receives it. The
 * receiver signs (签收, items in `can.receive`); HR or a manager over the leaver names another
 * receiver (指定接收人; for a report, the new superior) and adds items written in by hand, as
 * the leaver may too. On a phone the table keeps three columns and the buttons stack.
 */
export const OffboardingHandover = ({ record }: { record: Offboarding }) => {
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  const [adding, setAdding] = useState(false);
  const leaver = !!identity && identity.employeeId === record.employeeId;
  const mayAdd = record.status === 'open' && (record.can.manage || leaver);
  const { signed, total } = handoverProgress(record);
  return (
    <Box data-testid="offboarding-handover">
      <Stack direction="row" sx={{ alignItems: 'center', flexWrap: 'wrap', gap: 1, mb: 1 }}>
        <Typography variant="body2" color="text.secondary">
          {translate(key('handover.progress'), { signed, total })}
        </Typography>
        {mayAdd && (
          <Button size="small" startIcon={<AddIcon />} onClick={() => setAdding(true)} sx={{ ml: 'auto' }}>
            {translate(key('handover.add'))}
          </Button>
        )}
      </Stack>
      {total === 0 ? (
        <Typography color="text.secondary">{translate(key('handover.none'))}</Typography>
      ) : (
        <Box sx={{ overflowX: 'auto' }}>
          <Table size="small" aria-label={translate(key('handover.title'))} sx={{ '& th': { whiteSpace: 'nowrap' } }}>
            <TableHead>
              <TableRow>
                <TableCell>{translate(key('fields.description'))}</TableCell>
                <TableCell>{translate(key('fields.receiverName'))}</TableCell>
                <TableCell>{translate(key('fields.actions'))}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {record.handover.map((item) => (
                <HandoverRow key={item.id} record={record} item={item} />
              ))}
            </TableBody>
          </Table>
        </Box>
      )}
      {mayAdd && <AddHandoverDialog record={record} open={adding} onClose={() => setAdding(false)} />}
    </Box>
  );
};

const HandoverRow = ({ record, item }: { record: Offboarding; item: HandoverItem }) => {
  const translate = useTranslate();
  const dateTime = useDateTime();
  const { run, busy } = useOffboardingVerb();
  const [confirming, setConfirming] = useState(false);
  const [naming, setNaming] = useState(false);
  const labelId = `handover-${item.id}`;
  const mayReceive = record.can.receive.includes(item.id);
  const mayName = record.can.manage && !item.receivedAt;
  const receive = async () => {
    await run(item.id, (dp) => dp.receiveHandoverItem(String(record.id), item.id), key('handover.signed_done'));
    setConfirming(false);
  };
  return (
    <TableRow data-item={item.id}>
      <TableCell id={labelId} sx={{ minWidth: 140 }}>
        {item.description}
        <Typography variant="caption" color="text.secondary" component="div">
          {translate(key(`choices.source.${item.source}`))}
        </Typography>
      </TableCell>
      <TableCell sx={{ minWidth: 100 }}>
        {item.receiverName ?? '—'}
        <Typography variant="caption" color={item.receivedAt ? 'success.dark' : 'text.secondary'} component="div" data-testid="handover-state">
          {item.receivedAt ? translate(key('handover.signed'), { name: item.receivedByName ?? '—', time: dateTime(item.receivedAt) }) : translate(key('handover.unsigned'))}
        </Typography>
      </TableCell>
      <TableCell>
        <Stack spacing={0.5} sx={{ alignItems: 'flex-start' }}>
          {mayReceive && (
            <Button size="small" variant="contained" startIcon={<DrawIcon />} onClick={() => setConfirming(true)} disabled={busy !== null} aria-describedby={labelId} sx={{ minHeight: 40 }}>
              {translate(key('handover.receive'))}
            </Button>
          )}
          {mayName && (
            <Button size="small" startIcon={<PersonSearchIcon />} onClick={() => setNaming(true)} aria-describedby={labelId} sx={{ minHeight: 40 }}>
              {translate(key(item.source === 'report' ? 'handover.name_superior' : 'handover.name_receiver'))}
            </Button>
          )}
        </Stack>
        {mayReceive && (
          <Confirm
            isOpen={confirming}
            loading={busy !== null}
            title={key('handover.receive_title')}
            content={key(item.source === 'report' ? 'handover.receive_report' : 'handover.receive_content')}
            translateOptions={{ item: item.description, name: record.employeeName }}
            confirm={key('handover.receive_confirm')}
            onConfirm={() => void receive()}
            onClose={() => setConfirming(false)}
          />
        )}
        {mayName && <ReceiverDialog record={record} item={item} open={naming} onClose={() => setNaming(false)} />}
      </TableCell>
    </TableRow>
  );
};
