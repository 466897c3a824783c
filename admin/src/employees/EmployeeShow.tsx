import { Box, CircularProgress } from '@mui/material';
import {
  EditButton,
  EmailField,
  NumberField,
  SelectField,
  Show,
  Labeled,
  TextField,
  TopToolbar,
  useLocaleState,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { LocaleDateField } from '../components/LocaleDateField';
import { Section } from '../components/Section';
import { StartProbationReviewButton } from '../probation-reviews/StartProbationReviewButton';
import { OnboardingChecklistSection } from '../onboarding-checklists/OnboardingChecklistSection';
import { HandInResignationButton } from '../resignations/HandInResignationButton';
import { EmployeeOffboardings } from '../offboardings/EmployeeOffboardings';
import { DisciplineHistory, RecordViolationButton } from '../discipline-record';
import { levelChoices, postChoices, statusChoices } from './employeeChoices';
import { EmployeeDirectReports } from './EmployeeDirectReports';
import { EmployeeHistory } from './EmployeeHistory';
import { EmployeeReportingLine } from './EmployeeReportingLine';
import { EmployeeApprovals, EmployeeReviews, useReviewsOf } from './EmployeeReviews';
import type { Employee } from './types';

const CNY: Intl.NumberFormatOptions = { style: 'currency', currency: 'CNY' };

// Tables span the page; on a phone they scroll sideways rather than break words letter by letter.
const wide = { gridColumn: '1 / -1', overflowX: 'auto', '& th, & td': { whiteSpace: { xs: 'nowrap', md: 'normal' } } } as const;

// Edit for HR (the button checks canAccess); 发起转正评审 for whoever may start one (§3); 代为提交辞职 for HR (§9); 记录违纪 for a team lead or above (§4).
const actions = (
  <TopToolbar>
    <StartProbationReviewButton />
    <HandInResignationButton />
    <RecordViolationButton />
    <EditButton />
  </TopToolbar>
);

/**
 * 员工档案: one page with the profile, the reporting line up to the top and the direct reports,
 * the onboarding checklist (入职清单), their offboardings (离职办理), their disciplinary actions (违纪记录), the probation reviews, the approvals about the person (each review's decisions) and the
 * history of changes to the record.
 */
const EmployeeShow = () => (
  <Show actions={actions}>
    <EmployeeFile />
  </Show>
);

const EmployeeFile = () => {
  const employee = useRecordContext<Employee>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { reviews, isPending } = useReviewsOf(employee?.id);
  if (!employee) return null;
  const t = (key: string) => translate(`app.employee_file.${key}`);
  return (
    <Box sx={{ p: { xs: 1.5, sm: 2 }, display: 'grid', gap: 3, gridTemplateColumns: { xs: 'minmax(0, 1fr)', md: 'minmax(0, 3fr) minmax(0, 2fr)' } }}>
      <Section title={t('profile')} id="profile">
        <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(2, minmax(0, 1fr))', columnGap: 2, rowGap: 1.5, overflowWrap: 'anywhere' }}>
          {[
            <TextField key="employeeNo" source="employeeNo" />,
            <TextField key="name" source="name" />,
            <EmailField key="email" source="email" />,
            <TextField key="phone" source="phone" />,
            <SelectField key="post" source="post" choices={postChoices} />,
            <SelectField key="level" source="level" choices={levelChoices} />,
            <SelectField key="status" source="status" choices={statusChoices} />,
            <TextField key="teamName" source="teamName" emptyText="—" />,
            // From the record itself: an agent's superior is above what they may open (#12 item 16).
            <TextField key="superiorName" source="superiorName" emptyText="—" />,
            <LocaleDateField key="hireDate" source="hireDate" />,
            <LocaleDateField key="probationEndDate" source="probationEndDate" emptyText="—" />,
            <LocaleDateField key="conversionDate" source="conversionDate" emptyText="—" />,
            <NumberField key="baseSalary" source="baseSalary" locales={locale} options={CNY} />,
          ].map((field) => (
            <Labeled key={field.key}>{field}</Labeled>
          ))}
        </Box>
      </Section>
      <Section title={t('reporting_line')} id="reporting-line">
        <EmployeeReportingLine employee={employee} />
        <EmployeeDirectReports employee={employee} />
      </Section>
      <Section title={translate('resources.onboarding-checklists.title')} id="onboarding" sx={wide}>
        <OnboardingChecklistSection employeeId={String(employee.id)} />
      </Section>
      <Section title={translate('resources.offboardings.title_plain')} id="offboardings" sx={wide}>
        <EmployeeOffboardings employeeId={String(employee.id)} />
      </Section>
      <Section title={translate('resources.discipline-record.name')} id="discipline" sx={wide}>
        <DisciplineHistory employeeId={String(employee.id)} />
      </Section>
      <Section title={t('reviews')} id="reviews" sx={wide}>
        {isPending ? <CircularProgress size={20} /> : <EmployeeReviews reviews={reviews} />}
      </Section>
      <Section title={t('approvals')} id="approvals" sx={wide}>
        {isPending ? <CircularProgress size={20} /> : <EmployeeApprovals reviews={reviews} />}
      </Section>
      <Section title={t('history')} id="history" sx={wide}>
        <EmployeeHistory />
      </Section>
    </Box>
  );
};

export default EmployeeShow;
