import { useMediaQuery, type Theme } from '@mui/material';
import { List, SelectInput, SimpleList, TopToolbar, useLocaleState, useTranslate } from 'react-admin';
import { choiceKey } from '../employees/employeeChoices';
import { REQUISITION_POSTS } from '../requisitions/types';
import { Sheet, SHEET_LIST_PROPS } from '../sheet/Sheet';
import type { SheetColumn } from '../sheet/types';
import { OfferCreateButton } from './OfferCreateButton';
import { offerStatusChoices } from './offerForm';
import { OfferStatusChip } from './OfferStatusChip';
import { OFFER_STATUSES, type Offer } from './types';

// The API lists every status when none is given (newest first), or one.
const filters = [<SelectInput key="status" source="status" choices={offerStatusChoices} alwaysOn emptyText="resources.offers.filters.all" />];

// Read-only: an offer changes through its verbs (答复, 撤回, 报到) on its page, never as a record.
// The API sorts offers itself (newest first), so no header sorts.
const COLUMNS: ReadonlyArray<SheetColumn<Offer>> = [
  { field: 'candidateName', width: 120, pinned: 'left' },
  { field: 'post', type: 'choice', choices: REQUISITION_POSTS, choiceKey: (v) => choiceKey('post', v), width: 100 },
  { field: 'teamName', width: 130 },
  { field: 'startDate', type: 'date', width: 130 },
  { field: 'reportBy', type: 'date', width: 130 },
  { field: 'baseSalary', type: 'money', width: 150 },
  { field: 'status', type: 'choice', choices: OFFER_STATUSES, width: 150, render: (r) => <OfferStatusChip status={r.status} /> },
  { field: 'probationMonths', type: 'number', width: 110, hidden: true },
  { field: 'requesterName', width: 100, hidden: true },
  { field: 'createdAt', type: 'datetime' },
];

const ListActions = () => (
  <TopToolbar>
    <OfferCreateButton />
  </TopToolbar>
);

/** 录用通知 (HR): every offer, newest first, by status; a row opens the offer's page. */
const OfferList = () => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const small = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));
  const money = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const label = (r: Offer) => translate('resources.offers.title', { name: r.candidateName, post: translate(choiceKey('post', r.post)), team: r.teamName });
  return small ? (
    <List filters={filters} filterDefaultValues={{}} actions={<ListActions />} perPage={25} exporter={false} empty={false}>
      <SimpleList<Offer>
        rowClick="show"
        primaryText={label}
        secondaryText={(r) => `${r.statusLabel} · ${money.format(r.baseSalary)}`}
        tertiaryText={(r) => r.startDate}
      />
    </List>
  ) : (
    <List filters={filters} filterDefaultValues={{}} actions={<ListActions />} {...SHEET_LIST_PROPS}>
      <Sheet<Offer> sheetId="offers" columns={COLUMNS} rowClick="show" rowLabel={label} />
    </List>
  );
};

export default OfferList;
