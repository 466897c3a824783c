import { Typography } from '@mui/material';
import { useMemo } from 'react';
import { useLocaleState, useTranslate } from 'react-admin';
import { useWatch } from 'react-hook-form';
import { PolicyFormContext, usePolicyForm } from '../components/PolicyFormContext';
import { PolicyTable } from '../components/PolicyTable';
import { Section } from '../components/Section';
import type { PolicyTableColumn, TableRow, TableShape } from '../sheet/policyTable';
import { countByLevel, DISCIPLINE_LEVELS, newViolation, violationCellErrors } from './disciplinePolicyForm';

const key = (path: string) => `resources.discipline-policy.${path}`;
const label = (field: string) => key(`fields.violations.${field}`);

// HR adds and removes violations; a new row is a verbal warning with no fine, named by HR.
const VIOLATIONS: TableShape = { kind: 'list', newRow: newViolation };
const COLUMNS: PolicyTableColumn[] = [
  { field: 'code', type: 'text', editable: true, label: label('code'), width: 80 },
  { field: 'level', type: 'choice', choices: DISCIPLINE_LEVELS, choiceKey: (level) => key(`choices.level.${level}`), editable: true, label: label('level'), width: 100 },
  { field: 'fine', type: 'money', precision: 0, editable: true, label: label('fine'), width: 100 },
  { field: 'labelZh', type: 'text', editable: true, label: label('labelZh'), width: 200 },
  { field: 'labelEn', type: 'text', editable: true, label: label('labelEn'), width: 200 },
];

/**
 * 违纪条款 (004 第五条 (一)–(四)): the catalogue as a grid — code, level, 乐捐 in whole yuan and
 * the words in both languages — typed or pasted from Excel, rows inserted and removed. Above it,
 * how many there are of each level. The API names a row's words `label.zh-CN` / `label.en`; the
 * grid below gets them as its cells' names (`labelZh` / `labelEn`) so they mark the cell.
 */
export const ViolationsInput = () => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const info = usePolicyForm();
  const cells = useMemo(() => ({ ...info, others: violationCellErrors(info.others) }), [info]);
  const rows: unknown = useWatch({ name: 'values.violations' });
  const counts = countByLevel(rows);
  const total = Array.isArray(rows) ? rows.length : 0;
  // A row is named by its code and words in the page's language (V04 迟到或早退 · 乐捐（元）：…), else by its number.
  const rowLabel = (row: TableRow, index: number) => {
    const code = typeof row.code === 'string' ? row.code.trim() : '';
    const words = row[locale === 'en' ? 'labelEn' : 'labelZh'];
    const name = [code, typeof words === 'string' ? words.trim() : ''].filter(Boolean).join(' ');
    return name || translate('app.policy_table.row', { n: index + 1 });
  };
  return (
    <Section title={translate(key('sections.violations'))}>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {translate(key('violations_hint'))}
      </Typography>
      <Typography variant="body2" sx={{ mb: 1 }} data-testid="discipline-violations-count">
        {[
          translate(key('violations_total'), { total }),
          ...counts.map(({ level, count }) => translate(key('violations_level'), { level: translate(key(`choices.level.${level}`)), count })),
        ].join(' · ')}
      </Typography>
      <PolicyFormContext.Provider value={cells}>
        <PolicyTable source="values.violations" shape={VIOLATIONS} columns={COLUMNS} resource="discipline-policy" rowLabel={rowLabel} testId="policy-table-violations" />
      </PolicyFormContext.Provider>
    </Section>
  );
};
