import { Typography } from '@mui/material';
import { useLocaleState, useTranslate } from 'react-admin';
import { useGapHelper } from '../components/PolicyFormContext';
import { PolicyTable } from '../components/PolicyTable';
import { Section } from '../components/Section';
import type { PolicyTableColumn, TableRow, TableShape } from '../sheet/policyTable';
import { newInventoryItem } from './offboardingPolicyForm';

const label = (field: string) => `resources.offboarding-policy.fields.inventoryItems.${field}`;

// HR adds and removes items; a new row starts empty but for the amount, and the API names what is missing.
const ITEMS: TableShape = { kind: 'list', newRow: newInventoryItem };
const COLUMNS: PolicyTableColumn[] = [
  { field: 'key', type: 'text', editable: true, label: label('key'), width: 130 },
  { field: 'labelZh', type: 'text', editable: true, label: label('labelZh'), width: 150 },
  { field: 'labelEn', type: 'text', editable: true, label: label('labelEn'), width: 180 },
  { field: 'amount', type: 'money', precision: 0, editable: true, label: label('amount'), width: 160 },
];

/**
 * 离职盘点 (001 六(二): the department checks the leaver's items back and settles what they
 * answer for): the items as a small grid — key, names, and the whole yuan charged for one not
 * returned — typed or pasted from Excel, rows inserted and removed. The list is ours (a gap).
 */
export const InventoryItemsInput = () => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const marker = useGapHelper()('inventoryItems', false);
  // A row is named by its item in the page's language (耳麦 · 未归还赔偿（元）：…), else by its number.
  const rowLabel = (row: TableRow, index: number) => {
    const name = row[locale === 'en' ? 'labelEn' : 'labelZh'];
    return typeof name === 'string' && name.trim() ? name : translate('app.policy_table.row', { n: index + 1 });
  };
  return (
    <Section title={translate('resources.offboarding-policy.sections.inventory')}>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {translate('resources.offboarding-policy.inventory_hint')}
        {marker ? <> · {marker}</> : null}
      </Typography>
      <PolicyTable source="values.inventoryItems" shape={ITEMS} columns={COLUMNS} resource="offboarding-policy" rowLabel={rowLabel} testId="policy-table-inventory" />
    </Section>
  );
};
