import { Box, Button, Chip, Stack, Table, TableBody, TableCell, TableFooter, TableHead, TableRow } from '@mui/material';
import { useState } from 'react';
import { NumberInput, minValue, maxValue, required, useDataProvider, useLocaleState, useNotify, useTranslate } from 'react-admin';
import { FormDialog } from '../components/FormDialog';
import { useFormVerb } from '../components/useFormVerb';
import type { ConsoleDataProvider } from '../providers/consoleMethods';
import type { InventoryItem, Offboarding } from './types';
import { useOffboardingVerb, useShowOffboarding } from './useOffboardingVerb';

const key = (path: string) => `resources.offboardings.${path}`;
// The API's bounds (whole yuan, CheckInventoryItem).
const validateAmount = [required(), minValue(0), maxValue(100_000)];

export function useYuan(): (amount: number) => string {
  const [locale] = useLocaleState();
  const format = new Intl.NumberFormat(locale, { style: 'currency', currency: 'CNY', maximumFractionDigits: 0 });
  return (amount) => format.format(amount);
}

/**
 * 物品盘点 (001 六(二)(四)): each item back (已归还) or missing (未归还, with the amount the leaver
 * answers for — the policy's, unless HR or the manager records another), checked by HR or a
 * manager over the leaver; the sum the leaver owes below.
 */
export const OffboardingInventory = ({ record }: { record: Offboarding }) => {
  const translate = useTranslate();
  const yuan = useYuan();
  return (
    <Box sx={{ overflowX: 'auto' }} data-testid="offboarding-inventory">
      <Table size="small" aria-label={translate(key('inventory.title'))} sx={{ '& th': { whiteSpace: 'nowrap' } }}>
        <TableHead>
          <TableRow>
            <TableCell>{translate(key('fields.item'))}</TableCell>
            <TableCell>{translate(key('fields.returned'))}</TableCell>
            <TableCell align="right">{translate(key('fields.amount'))}</TableCell>
            {record.can.manage && <TableCell>{translate(key('fields.actions'))}</TableCell>}
          </TableRow>
        </TableHead>
        <TableBody>
          {record.inventory.map((item) => (
            <InventoryRow key={item.id} record={record} item={item} />
          ))}
        </TableBody>
        <TableFooter>
          <TableRow>
            <TableCell colSpan={2} sx={{ fontWeight: 600, color: 'text.primary' }}>
              {translate(key('fields.amountOwed'))}
            </TableCell>
            <TableCell align="right" sx={{ fontWeight: 600, color: 'text.primary' }} data-testid="inventory-owed">
              {yuan(record.amountOwed)}
            </TableCell>
            {record.can.manage && <TableCell />}
          </TableRow>
        </TableFooter>
      </Table>
    </Box>
  );
};

const InventoryRow = ({ record, item }: { record: Offboarding; item: InventoryItem }) => {
  const translate = useTranslate();
  const yuan = useYuan();
  const { run, busy } = useOffboardingVerb();
  const [missing, setMissing] = useState(false);
  const labelId = `inventory-${item.id}`;
  const state = item.returned === null ? 'unchecked' : item.returned ? 'returned' : 'missing';
  const returned = () => run(item.id, (dp) => dp.checkInventoryItem(String(record.id), item.id, { returned: true }), key('inventory.saved'), { item: item.item });
  return (
    <TableRow data-item={item.id}>
      <TableCell id={labelId}>{item.item}</TableCell>
      <TableCell>
        <Chip size="small" variant="outlined" color={state === 'returned' ? 'success' : state === 'missing' ? 'error' : 'default'} label={translate(key(`inventory.${state}`))} />
        {item.checkedByName && <Box component="span" sx={{ display: 'block', color: 'text.secondary', fontSize: '0.75rem' }}>{item.checkedByName}</Box>}
      </TableCell>
      <TableCell align="right">{item.returned === false ? yuan(item.amount) : '—'}</TableCell>
      {record.can.manage && (
        <TableCell>
          <Stack direction="row" spacing={0.5} sx={{ flexWrap: 'wrap', rowGap: 0.5 }}>
            <Button size="small" onClick={() => void returned()} disabled={busy !== null || item.returned === true} aria-describedby={labelId} sx={{ minHeight: 40 }}>
              {translate(key('inventory.mark_returned'))}
            </Button>
            <Button size="small" color="error" onClick={() => setMissing(true)} disabled={busy !== null} aria-describedby={labelId} sx={{ minHeight: 40 }}>
              {translate(key('inventory.mark_missing'))}
            </Button>
          </Stack>
          <MissingDialog record={record} item={item} open={missing} onClose={() => setMissing(false)} />
        </TableCell>
      )}
    </TableRow>
  );
};

/** 未归还: the amount the leaver answers for, offered at the policy's (or the one recorded before). */
const MissingDialog = ({ record, item, open, onClose }: { record: Offboarding; item: InventoryItem; open: boolean; onClose: () => void }) => {
  const translate = useTranslate();
  const yuan = useYuan();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const notify = useNotify();
  const show = useShowOffboarding();
  const { submit, submitting } = useFormVerb(async (values: { amount?: number }) => {
    show((await dataProvider.checkInventoryItem(String(record.id), item.id, { returned: false, amount: Number(values.amount) })).data);
    notify(key('inventory.saved'), { type: 'success', messageArgs: { item: item.item } });
    onClose();
  }, ['amount']);
  return (
    <FormDialog
      id={`inventory-missing-${item.id}`}
      open={open}
      onClose={onClose}
      title={translate(key('inventory.missing_title'), { item: item.item })}
      submitLabel={key('inventory.missing_submit')}
      submitting={submitting}
      onSubmit={submit}
      defaultValues={{ amount: item.returned === false ? item.amount : item.defaultAmount }}
    >
      <NumberInput
        source="amount"
        label={key('fields.amount')}
        validate={validateAmount}
        step={1}
        helperText={translate(key('inventory.amount_hint'), { amount: yuan(item.defaultAmount) })}
      />
    </FormDialog>
  );
};
