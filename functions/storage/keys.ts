/**
 * The key design of the single table (physical shape in schema.ts). Every request path
 * is a GetItem, a Query on a key, or a transaction of known items — never a Scan.
 *
 * | entity            | pk                        | sk              | indexes                                                     |
 * |-------------------|---------------------------|-----------------|-------------------------------------------------------------|
 * | employee          | EMP#<id>                  | EMP             | gsi1 EMPLOYEES / path          (tree order, subtree scope)  |
 * |                   |                           |                 | gsi2 EMPLOYEES#STATUS#<s> / path (status filter in scope)   |
 * |                   |                           |                 | gsi3 EMPLOYEES#SUPERIOR#<id> / employeeNo (direct reports)   |
 * |                   |                           |                 | gsi4 EMPLOYEES / name#id        (sort by name, name prefix) |
 * |                   |                           |                 | gsi5 EMPLOYEES / employeeNo     (sort by number, prefix)    |
 * |                   |                           |                 | gsi6 EMPLOYEES / hireDate#id    (sort by hire date)         |
 * | employee number   | EMPNO#<employeeNo>        | EMPNO           | — uniqueness guard, written in the same transaction        |
 * | org unit          | ORG#<id>                  | ORG             | gsi1 ORGUNITS / kind#name                                   |
 * | user              | USER#<id>                 | USER            | gsi1 USERS / email ; gsi3 USER#EMP#<employeeId> / USER      |
 * | user email        | USEREMAIL#<email>         | USEREMAIL       | — uniqueness guard and login lookup (userId, employeeId)    |
 * | employee email    | EMPEMAIL#<email>          | EMPEMAIL        | — uniqueness guard (employeeId); see storage/emails.ts      |
 * | role membership   | ROLE#<role>               | USER#<userId>   | — "any HR member": who holds a role                         |
 * | probation review  | PROBATION#<id>            | REVIEW          | gsi1 PROBATION#EMP#<employeeId> / createdAt ; gsi2 PROBATION#STATUS#<s> / createdAt |
 * |                   |                           |                 | gsi3 STARTED#<requesterId> / createdAt#kind#id (我发起的, storage/started.ts) |
 * | approval step     | STEP#<stepId>             | STEP            | gsi2 STEPS#<requestKind>#<requestId> / createdAt#stepId (timeline) |
 * | approval task     | APPROVAL#<id>             | APPROVAL        | gsi1 INBOX#<userId>#pending|decided / at#id (the inbox)    |
 * | comment           | COMMENTS#<kind>#<id>      | <at>#<commentId>| — a request's comment thread, oldest first (storage/comments.ts) |
 * | resume marker     | RESUME                    | <stepId>        | — a decision not yet sent to its execution (the sweep)      |
 * | start marker      | STARTS                    | <at>#<kind>#<id>| — a request whose execution is still to start (the sweep)   |
 * | request (generic) | REQUEST#<kind>#<id>       | REQUEST         | gsi3 STARTED#<requesterId> / createdAt#kind#id (我发起的); stored whole (storage/requests.ts) |
 * | offboarding       | OFFBOARDING#<id>          | OFFBOARDING     | gsi1 OFFBOARDINGS#EMP#<employeeId> / createdAt#id (an employee's) ; gsi2 OFFBOARDINGS#STATUS#<status> / lastDay#id (HR's leavers, by last day) ; gsi3 OFFBOARDINGS#DUE / <next timer date>#id while a reminder or the last day's work is still to run (the daily job's Query); stored whole (#15) |
 * | leaving guard     | LEAVING#<employeeId>      | LEAVING         | — one open resignation or offboarding per employee (condition on create; removed when it ends) |
 * | session           | SESSION#<sha256(token)>   | SESSION         | — TTL expiresAt; `epoch` against the user's sessionEpoch     |
 * | password reset    | PWRESET#<sha256(token)>   | PWRESET         | — TTL expiresAt; single use (storage/password-resets.ts)     |
 * | API key           | APIKEY#<id>               | APIKEY          | gsi1 APIKEYS / createdAt                                     |
 * | policy (current)  | POLICY#<name>             | CURRENT         | —                                                           |
 * | policy (version)  | POLICY#<name>             | V#<000001>      | — history, newest last                                      |
 * | audit record      | AUDIT#<type>#<id>         | <at>#<auditId>  | gsi1 AUDIT#ACTOR#<actorId> / at#auditId                      |
 * | rate counter      | RATE#<bucket>#<window>    | RATE            | — TTL expiresAt                                              |
 * | idempotency       | IDEMP#<principal>#<key>   | IDEMP           | — TTL expiresAt, written with the change it guards           |
 * | migration applied | MIGRATIONS                | APPLIED#<id>    | — one Query (begins_with) reads every applied migration      |
 * | migration cursor  | MIGRATIONS                | CHECKPOINT#<id> | — where a long migration stopped; removed once it is applied |
 * | migration lease   | MIGRATIONS                | LEASE           | — one runner at a time: conditional put, `leaseUntil` expiry |
 * | opening           | OPENING#<id>              | OPENING         | gsi1 OPENINGS / createdAt#id ; gsi2 OPENINGS#STATUS#<s> / createdAt#id (the requisition's id) |
 * | interviewSlot     | INTERVIEW#<hiringId>      | ROUND#<n>       | gsi1 INTERVIEWS / at (UTC ISO)#hiringId#n: upcoming interviews, for their reminders |
 * | candidate         | CANDIDATE#<id>            | CANDIDATE       | gsi1 CANDIDATES#OPENING#<openingId> / createdAt#id (an opening's candidates) ; gsi2 CANDIDATES#RETENTION / updatedAt#id while not hired and not erased (the retention job's Query: untouched since the cut-off) |
 * | candidate contact | CANDCONTACT#<phone|email>#<sha256> | CONTACT | — the ids of every candidate with that normalised mobile or email, oldest first: one GetItem finds earlier ones (duplicates); updated on its size in the candidate's transaction |
 * | attachment        | ATTACH#<id>               | ATTACH          | — file metadata (#12): pending (TTL expiresAt) → attached to a request in the decision's / comment's transaction; downloads audited on AUDIT#attachment#<id> |
 * | webhook           | WEBHOOK#<id>              | WEBHOOK         | gsi1 WEBHOOKS / createdAt#id (the list); holds the signing secret, never returned (#13) |
 * | webhook delivery  | WEBHOOK#<webhookId>       | DELIVERY#<eventId> | — one event to one receiver, with every attempt's answer; TTL expiresAt (30 days) |
 * | webhook count     | WEBHOOKS#COUNT            | COUNT           | — how many are registered: the cap (MAX_WEBHOOKS) is a condition on it |
 * | event subscribers | WEBHOOKS#EVENT#<type>     | SUBSCRIBERS     | — the string set of webhook ids subscribed to one event type: one GetItem finds them |
 * | webhook outbox    | WEBHOOK_OUTBOX            | <at>#e#<eventId> / <at>#d#<webhookId>#<eventId> | — an event written with its change (fanned out to deliveries), and deliveries due at `at` |
 * | onboarding checklist | ONBOARDING#<employeeId> | CHECKLIST      | gsi1 ONBOARDING#open / <nextDueDate>#id while open (the reminder job's Query: due before today) ; gsi2 ONBOARDING#STATUS#<open|done> / reportDate#createdAt#id (HR's list, newest report first); stored whole (#14) |
 */
export const employeeKey = (id: string) => ({ pk: `EMP#${id}`, sk: 'EMP' });
export const employeeNoKey = (employeeNo: string) => ({ pk: `EMPNO#${employeeNo}`, sk: 'EMPNO' });
export const EMPLOYEES = 'EMPLOYEES';
export const employeeStatusPk = (status: string) => `EMPLOYEES#STATUS#${status}`;
export const employeeSuperiorPk = (superiorId: string) => `EMPLOYEES#SUPERIOR#${superiorId}`;

export const orgUnitKey = (id: string) => ({ pk: `ORG#${id}`, sk: 'ORG' });
export const ORGUNITS = 'ORGUNITS';

export const userKey = (id: string) => ({ pk: `USER#${id}`, sk: 'USER' });
export const userEmailKey = (email: string) => ({ pk: `USEREMAIL#${email.toLowerCase()}`, sk: 'USEREMAIL' });
export const employeeEmailKey = (email: string) => ({ pk: `EMPEMAIL#${email.toLowerCase()}`, sk: 'EMPEMAIL' });
export const USERS = 'USERS';
export const userEmployeePk = (employeeId: string) => `USER#EMP#${employeeId}`;
export const roleMemberKey = (role: string, userId: string) => ({ pk: `ROLE#${role}`, sk: `USER#${userId}` });

export const probationReviewKey = (id: string) => ({ pk: `PROBATION#${id}`, sk: 'REVIEW' });
export const probationByEmployeePk = (employeeId: string) => `PROBATION#EMP#${employeeId}`;
export const probationByStatusPk = (status: string) => `PROBATION#STATUS#${status}`;

export const requestKey = (kind: string, id: string) => ({ pk: `REQUEST#${kind}#${id}`, sk: 'REQUEST' });
export const startedByPk = (userId: string) => `STARTED#${userId}`;
/** A generic request kind's records, newest first (gsi1), and by status (gsi2). */
export const requestsOfKindPk = (kind: string) => `REQUESTS#${kind}`;
export const requestsByStatusPk = (kind: string, status: string) => `REQUESTS#${kind}#STATUS#${status}`;
/** Recruitment (POLICIES.md §2): an opening has its requisition's id; candidates of an opening, and by contact. */
export const openingKey = (id: string) => ({ pk: `OPENING#${id}`, sk: 'OPENING' });
export const openingsByStatusPk = (status: string) => `OPENINGS#STATUS#${status}`;
export const OPENINGS = 'OPENINGS';
export const interviewSlotKey = (hiringId: string, round: number) => ({ pk: `INTERVIEW#${hiringId}`, sk: `ROUND#${round}` });
export const INTERVIEW_SLOTS = 'INTERVIEWS';
export const candidateKey = (id: string) => ({ pk: `CANDIDATE#${id}`, sk: 'CANDIDATE' });
export const candidatesOfOpeningPk = (openingId: string) => `CANDIDATES#OPENING#${openingId}`;
/** Candidates who may one day be erased (not hired, not erased yet), by when they last changed. */
export const CANDIDATES_RETENTION = 'CANDIDATES#RETENTION';
/** Hashed: a key holds no phone number or address (keys show up in logs and tooling). */
export const candidateContactKey = (kind: 'phone' | 'email', valueHash: string) => ({ pk: `CANDCONTACT#${kind}#${valueHash}`, sk: 'CONTACT' });
export const commentsPk = (kind: string, requestId: string) => `COMMENTS#${kind}#${requestId}`;

export const approvalStepKey = (id: string) => ({ pk: `STEP#${id}`, sk: 'STEP' });
export const stepsOfRequestPk = (kind: string, requestId: string) => `STEPS#${kind}#${requestId}`;
export const approvalTaskKey = (id: string) => ({ pk: `APPROVAL#${id}`, sk: 'APPROVAL' });
export type InboxState = 'pending' | 'waiting' | 'decided' | 'cc';
export const inboxPk = (userId: string, state: InboxState) => `INBOX#${userId}#${state}`;

export const sessionKey = (tokenHash: string) => ({ pk: `SESSION#${tokenHash}`, sk: 'SESSION' });
export const passwordResetKey = (tokenHash: string) => ({ pk: `PWRESET#${tokenHash}`, sk: 'PWRESET' });
export const apiKeyKey = (id: string) => ({ pk: `APIKEY#${id}`, sk: 'APIKEY' });
export const APIKEYS = 'APIKEYS';

export const policyCurrentKey = (name: string) => ({ pk: `POLICY#${name}`, sk: 'CURRENT' });
export const policyVersionKey = (name: string, version: number) => ({
  pk: `POLICY#${name}`,
  sk: `V#${String(version).padStart(6, '0')}`,
});

/** Webhooks (storage/webhooks.ts, storage/webhook-outbox.ts). */
export const webhookKey = (id: string) => ({ pk: `WEBHOOK#${id}`, sk: 'WEBHOOK' });
export const webhookDeliveryKey = (webhookId: string, eventId: string) => ({ pk: `WEBHOOK#${webhookId}`, sk: `DELIVERY#${eventId}` });
export const WEBHOOKS = 'WEBHOOKS';
export const webhookCountKey = () => ({ pk: 'WEBHOOKS#COUNT', sk: 'COUNT' });
export const webhookSubscribersKey = (eventType: string) => ({ pk: `WEBHOOKS#EVENT#${eventType}`, sk: 'SUBSCRIBERS' });
export const WEBHOOK_OUTBOX = 'WEBHOOK_OUTBOX';

/** The onboarding checklist of a new hire (storage/onboarding.ts): one per employee, under their id. */
export const onboardingChecklistKey = (employeeId: string) => ({ pk: `ONBOARDING#${employeeId}`, sk: 'CHECKLIST' });
export const ONBOARDING_OPEN = 'ONBOARDING#open';

/** Leaving (#15): an offboarding record, its lists, the daily job's due index and the one-at-a-time guard. */
export const offboardingKey = (id: string) => ({ pk: `OFFBOARDING#${id}`, sk: 'OFFBOARDING' });
export const offboardingsOfEmployeePk = (employeeId: string) => `OFFBOARDINGS#EMP#${employeeId}`;
export const offboardingsByStatusPk = (status: string) => `OFFBOARDINGS#STATUS#${status}`;
export const OFFBOARDINGS_DUE = 'OFFBOARDINGS#DUE';
export const leavingKey = (employeeId: string) => ({ pk: `LEAVING#${employeeId}`, sk: 'LEAVING' });
/** The checklists in one status, by report date (HR's list; migration 0004 indexes those stored before). */
export const onboardingByStatusPk = (status: 'open' | 'done') => `ONBOARDING#STATUS#${status}`;

/**
 * Discipline (#16): an employee's ledger (their record as the ladder reads it, one item, every
 * counting change conditional on its version), the actions of an employee (gsi4, by when it
 * happened), the fines that took effect in a month (gsi5, sparse) and the open actions by their
 * next deadline (gsi6, sparse; the department's view).
 */
export const disciplineLedgerKey = (employeeId: string) => ({ pk: `DISCLEDGER#${employeeId}`, sk: 'LEDGER' });
export const disciplineOfEmployeePk = (employeeId: string) => `DISC#EMP#${employeeId}`;
export const disciplineFinesPk = (month: string) => `DISC#FINES#${month}`;
export const DISCIPLINE_OPEN = 'DISC#OPEN';

/** Attachment metadata (storage/attachments.ts); the file itself is in object storage. */
export const attachmentKey = (id: string) => ({ pk: `ATTACH#${id}`, sk: 'ATTACH' });

export const auditPk = (entityType: string, entityId: string) => `AUDIT#${entityType}#${entityId}`;
export const auditActorPk = (actorId: string) => `AUDIT#ACTOR#${actorId}`;

export const rateKey = (bucket: string, window: number) => ({ pk: `RATE#${bucket}#${window}`, sk: 'RATE' });
export const idempotencyKey = (principalId: string, key: string) => ({ pk: `IDEMP#${principalId}#${key}`, sk: 'IDEMP' });

/** Storage migrations (storage/migrations/): their ledger, cursors and lease share one partition. */
export const MIGRATIONS = 'MIGRATIONS';
export const MIGRATION_APPLIED_PREFIX = 'APPLIED#';
export const migrationAppliedKey = (id: string) => ({ pk: MIGRATIONS, sk: `${MIGRATION_APPLIED_PREFIX}${id}` });
export const migrationCheckpointKey = (id: string) => ({ pk: MIGRATIONS, sk: `CHECKPOINT#${id}` });
export const migrationLeaseKey = () => ({ pk: MIGRATIONS, sk: 'LEASE' });

/** Strips storage-only attributes before a record leaves the storage layer. */
export function stripKeys<T extends Record<string, unknown>>(item: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(item)) {
    if (k === 'pk' || k === 'sk' || k === 'entity' || /^gsi\dp?[ks]k?$/.test(k) || k.startsWith('gsi')) continue;
    out[k] = v;
  }
  return out as T;
}
