import { PolicyEditor } from '../components/PolicyEditor';
import { PolicyBandsInput } from './PolicyBandsInput';
import { PolicyChainInput } from './PolicyChainInput';
import { PolicyGeneralInputs } from './PolicyGeneralInputs';
import { isPolicyInput, toSaveValues } from './policyForm';

/** Groups whose section shows their own errors; anything else is listed at the top. */
const GROUPS = ['values.weights', 'values.attendance', 'values.bands', 'values.chain'];
const toSave = (values: Record<string, unknown>) => toSaveValues(values) as unknown as Record<string, unknown>;

/** 转正制度 (POLICIES.md §3): lengths, weights, bands, attendance and the approval chain. */
const ProbationPolicyPage = () => (
  <PolicyEditor name="probation" title="resources.probation-policy.name" isInput={isPolicyInput} toSave={toSave} groups={GROUPS}>
    <PolicyGeneralInputs />
    <PolicyBandsInput />
    <PolicyChainInput />
  </PolicyEditor>
);

export default ProbationPolicyPage;
