import { Autocomplete, Button, Dialog, DialogActions, DialogContent, DialogTitle, MenuItem, TextField, useMediaQuery, type Theme } from '@mui/material';
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import { parseCellText, type ChoiceLabels } from './cellValues';
import { planFill, type ChangePlan } from './changePlan';
import type { SheetColumn, SheetRow } from './types';

/**
 * 批量修改: one column of the selected rows set to one value. It only builds the change; the
 * preview and the batch write are the same as for a paste (ChangeDialog).
 */
export const BulkEditDialog = ({
  columns,
  rows,
  columnLabel,
  choiceLabel,
  onPlan,
  onClose,
}: {
  columns: readonly SheetColumn[];
  rows: readonly SheetRow[];
  columnLabel(field: string): string;
  choiceLabel: ChoiceLabels;
  onPlan(plan: ChangePlan): void;
  onClose(): void;
}) => {
  const translate = useTranslate();
  const fullScreen = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));
  const editable = columns.filter((c) => c.editable);
  const [field, setField] = useState(editable[0]?.field ?? '');
  const [text, setText] = useState('');
  const column = editable.find((c) => c.field === field);
  const parsed = column ? parseCellText(column, text, choiceLabel) : null;
  const error = parsed && 'error' in parsed ? translate(`sheet.parse.${parsed.error}`, { text }) : undefined;

  const preview = () => {
    if (!column || !parsed || 'error' in parsed) return;
    onPlan(planFill(column, parsed.value, rows));
  };

  return (
    <Dialog open onClose={onClose} fullScreen={fullScreen} fullWidth maxWidth="xs" aria-labelledby="sheet-bulk-title">
      <DialogTitle id="sheet-bulk-title">{translate('sheet.bulk.title', { smart_count: rows.length })}</DialogTitle>
      <DialogContent>
        <TextField
          select
          label={translate('sheet.bulk.column')}
          value={field}
          onChange={(e) => {
            setField(e.target.value);
            setText('');
          }}
          fullWidth
          margin="dense"
        >
          {editable.map((c) => (
            <MenuItem key={c.field} value={c.field}>
              {columnLabel(c.field)}
            </MenuItem>
          ))}
        </TextField>
        {column?.ref ? (
          // A reference is picked by name or number from its options; the label it sets reads back as the id.
          <Autocomplete
            options={column.ref.options}
            getOptionLabel={(o) => o.label}
            value={column.ref.options.find((o) => o.label === text) ?? null}
            onChange={(_, o) => setText(o?.label ?? '')}
            renderInput={(params) => <TextField {...params} label={translate('sheet.bulk.value')} margin="dense" />}
            fullWidth
          />
        ) : column?.type === 'choice' ? (
          <TextField select label={translate('sheet.bulk.value')} value={text} onChange={(e) => setText(e.target.value)} fullWidth margin="dense">
            {(column.choices ?? []).map((value) => (
              <MenuItem key={value} value={value}>
                {choiceLabel(column, value)}
              </MenuItem>
            ))}
          </TextField>
        ) : (
          <TextField
            label={translate('sheet.bulk.value')}
            value={text}
            onChange={(e) => setText(e.target.value)}
            type={column?.type === 'date' ? 'date' : 'text'}
            slotProps={{ inputLabel: { shrink: true } }}
            error={text !== '' && !!error}
            helperText={text !== '' ? error : undefined}
            fullWidth
            margin="dense"
          />
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{translate('ra.action.cancel')}</Button>
        <Button variant="contained" onClick={preview} disabled={!parsed || 'error' in parsed}>
          {translate('sheet.bulk.preview')}
        </Button>
      </DialogActions>
    </Dialog>
  );
};
