/**
 * What the endpoint remembers: state machines, executions and, per execution, every task
 * invocation's outcome in order. Without `persistence` it lives in memory (MemoryJournal);
 * with it, in DynamoDB (journal-dynamodb.ts), where it survives a kill and is replayed.
 * Both implement the same conditional semantics, so the engine has one code path.
 */
export type ExecutionStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED';

export interface StateMachineRecord {
  arn: string;
  name: string;
  definition: string;
  roleArn: string;
  type: 'STANDARD';
  creationDate: string;
  updateDate?: string;
  tags: { key: string; value: string }[];
}

/** Dates are ISO-8601 UTC; input/output are the JSON strings of the API. */
export interface ExecutionRecord {
  arn: string;
  stateMachineArn: string;
  name: string;
  /** The definition this execution runs, as it was at StartExecution (AWS does the same). */
  definition: string;
  roleArn: string;
  input: string;
  startDate: string;
  status: ExecutionStatus;
  output?: string;
  error?: string;
  cause?: string;
  stopDate?: string;
}

export type ExecutionSummary = Pick<ExecutionRecord, 'arn' | 'stateMachineArn' | 'name' | 'status' | 'startDate' | 'stopDate'>;

export type Outcome = { ok: true; result: unknown } | { ok: false; error: string; cause: string };

export interface InvocationRecord {
  seq: number;
  state: string;
  token?: string;
  startedAt: string;
  /** A callback task's handler returned: after a restart, wait again without calling it. */
  submittedAt?: string;
  endedAt?: string;
  outcome?: Outcome;
}

/** A history event as stored: `timestamp` in epoch milliseconds. */
export interface StoredEvent {
  id: number;
  previousEventId: number;
  timestamp: number;
  type: string;
  [details: string]: unknown;
}

export interface ExecutionQuery {
  stateMachineArn: string;
  status?: ExecutionStatus;
  limit: number;
  /** Page position from a previous answer's `next`. */
  after?: string;
}

export interface Journal {
  getStateMachine(arn: string): Promise<StateMachineRecord | undefined>;
  /** Writes `record` if no state machine has its ARN; otherwise returns the existing one. */
  createStateMachine(record: StateMachineRecord): Promise<StateMachineRecord | undefined>;
  updateStateMachine(record: StateMachineRecord): Promise<void>;
  listStateMachines(): Promise<StateMachineRecord[]>;

  /** Writes a RUNNING execution if its ARN is new; otherwise returns the existing one. */
  createExecution(record: ExecutionRecord): Promise<ExecutionRecord | undefined>;
  getExecution(arn: string): Promise<ExecutionRecord | undefined>;
  /** Newest first, as AWS lists them. */
  listExecutions(query: ExecutionQuery): Promise<{ items: ExecutionSummary[]; next?: string }>;
  runningExecutions(): Promise<string[]>;
  /** Ends a RUNNING execution (status, output or error, stopDate) with its history; false if it had ended. */
  finishExecution(record: ExecutionRecord, history: StoredEvent[]): Promise<boolean>;
  history(arn: string): Promise<StoredEvent[] | undefined>;

  invocations(arn: string): Promise<InvocationRecord[]>;
  getInvocation(arn: string, seq: number): Promise<InvocationRecord | undefined>;
  /** Records a started invocation; false if that sequence number was recorded already. */
  startInvocation(arn: string, record: InvocationRecord): Promise<boolean>;
  submitInvocation(arn: string, seq: number, at: string): Promise<void>;
  /** Records the outcome unless one is recorded already (then false: exactly one wins). */
  settleInvocation(arn: string, seq: number, outcome: Outcome, endedAt: string): Promise<boolean>;
}

export const summary = (r: ExecutionRecord): ExecutionSummary => ({
  arn: r.arn,
  stateMachineArn: r.stateMachineArn,
  name: r.name,
  status: r.status,
  startDate: r.startDate,
  ...(r.stopDate ? { stopDate: r.stopDate } : {}),
});

/** Newest first; ties broken by name, so the order (and a page position) is stable. */
export const listPosition = (r: Pick<ExecutionRecord, 'startDate' | 'name'>) => `${r.startDate}#${r.name}`;

const copy = <T>(value: T): T => structuredClone(value);

export class MemoryJournal implements Journal {
  private readonly stateMachines = new Map<string, StateMachineRecord>();
  private readonly executions = new Map<string, ExecutionRecord>();
  private readonly histories = new Map<string, StoredEvent[]>();
  private readonly calls = new Map<string, InvocationRecord[]>();

  async getStateMachine(arn: string) {
    return copy(this.stateMachines.get(arn));
  }
  async createStateMachine(record: StateMachineRecord) {
    const existing = this.stateMachines.get(record.arn);
    if (existing) return copy(existing);
    this.stateMachines.set(record.arn, copy(record));
    return undefined;
  }
  async updateStateMachine(record: StateMachineRecord) {
    this.stateMachines.set(record.arn, copy(record));
  }
  async listStateMachines() {
    return copy([...this.stateMachines.values()]);
  }

  async createExecution(record: ExecutionRecord) {
    const existing = this.executions.get(record.arn);
    if (existing) return copy(existing);
    this.executions.set(record.arn, copy(record));
    this.calls.set(record.arn, []);
    return undefined;
  }
  async getExecution(arn: string) {
    return copy(this.executions.get(arn));
  }
  async listExecutions({ stateMachineArn, status, limit, after }: ExecutionQuery) {
    const all = [...this.executions.values()]
      .filter((r) => r.stateMachineArn === stateMachineArn && (!status || r.status === status))
      .sort((a, b) => (listPosition(a) < listPosition(b) ? 1 : -1))
      .filter((r) => after === undefined || listPosition(r) < after);
    const page = all.slice(0, limit);
    return { items: page.map(summary), ...(all.length > limit ? { next: listPosition(page.at(-1)!) } : {}) };
  }
  async runningExecutions() {
    return [...this.executions.values()].filter((r) => r.status === 'RUNNING').map((r) => r.arn);
  }
  async finishExecution(record: ExecutionRecord, history: StoredEvent[]) {
    if (this.executions.get(record.arn)?.status !== 'RUNNING') return false;
    this.executions.set(record.arn, copy(record));
    this.histories.set(record.arn, copy(history));
    return true;
  }
  async history(arn: string) {
    return copy(this.histories.get(arn));
  }

  async invocations(arn: string) {
    return copy(this.calls.get(arn) ?? []);
  }
  async getInvocation(arn: string, seq: number) {
    return copy(this.calls.get(arn)?.[seq - 1]);
  }
  async startInvocation(arn: string, record: InvocationRecord) {
    const calls = this.calls.get(arn)!;
    if (calls[record.seq - 1]) return false;
    calls[record.seq - 1] = copy(record);
    return true;
  }
  async submitInvocation(arn: string, seq: number, at: string) {
    const call = this.calls.get(arn)?.[seq - 1];
    if (call) call.submittedAt = at;
  }
  async settleInvocation(arn: string, seq: number, outcome: Outcome, endedAt: string) {
    const call = this.calls.get(arn)?.[seq - 1];
    if (!call || call.outcome) return false;
    Object.assign(call, { outcome: copy(outcome), endedAt });
    return true;
  }
}
