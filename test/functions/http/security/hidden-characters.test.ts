/**
 * Control and invisible characters in what people type (#13 item 5): NUL, CR/LF, U+202E (which
 * disguises text in a mail subject) and a name of only a zero-width space were accepted (201).
 * A line (a name) takes none of them and must show something; a paragraph (a comment) takes
 * line breaks but not the rest; no string anywhere in a body takes NUL or a direction override.
 * Each refusal is a 400 naming the field, and nothing is written.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lineProblem, paragraphProblem } from '../../../../functions/domain/text/characters.js';
import { testApi, type TestApi } from '../../../support/api.js';
import { until } from '../../../support/mail.js';
import { buildOrg, createEmployee, employeeBody, type TestOrg } from '../../../support/org.js';

let api: TestApi;
let org: TestOrg;
let admin: string;
let lead: string;
let reviewId: string;

beforeAll(async () => {
  api = await testApi({ workflows: true });
  org = await buildOrg(api);
  admin = await api.signIn(['admin']);
  lead = await api.signIn(['team_lead'], org.leadA.id);
  await api.signIn(['supervisor'], org.supA.id);
  const trainee = await createEmployee(api, org.hr, { name: '试用员工', level: 'trainee', hireDate: '2026-09-01', superiorId: org.leadA.id, teamId: org.units.center });
  const res = await api.request('POST', '/api/v1/probation-reviews', { token: lead, body: { employeeId: trainee.id, kind: 'early' } });
  reviewId = ((await res.json()) as { id: string }).id;
  await until(async () => ((await api.request('GET', `/api/v1/probation-reviews/${reviewId}`, { token: lead })).status === 200 ? true : undefined), 'the review');
}, 120_000);

afterAll(async () => {
  await api?.stop();
});

interface Problem { status: number; errors: Array<{ path: string; code: string; message: string }> }

async function refused(res: Response, path: string, code: string): Promise<Problem> {
  expect(res.status, await res.clone().text()).toBe(400);
  const body = (await res.json()) as Problem;
  expect(body.errors).toEqual([expect.objectContaining({ path, message: expect.any(String) })]);
  expect(JSON.stringify(body.errors)).toContain(code);
  return body;
}

const ZWSP = '\u200B';
const RLO = '\u202E';

describe('names take no control, invisible or direction characters (#13 item 5)', () => {
  const cases: Array<[string, string, string]> = [
    ['a name of only a zero-width space', ZWSP, 'text.blank'],
    ['NUL', '张\u0000三', 'text.control'],
    ['CR/LF (a second line in a mail header)', '张三\r\nBcc: x@example.com', 'text.control'],
    ['a tab', '张\t三', 'text.control'],
    ['U+202E right-to-left override', `张三${RLO}gpj.exe`, 'text.direction'],
    ['a zero-width space inside', `张${ZWSP}三`, 'text.invisible'],
    ['a BOM inside (one at the start is trimmed away)', '张\uFEFF三', 'text.invisible'],
  ];
  for (const [what, name, code] of cases) {
    it(`an employee named with ${what} → 400 naming name, and no employee`, async () => {
      const body = employeeBody({ name, superiorId: org.leadA.id, teamId: org.units.center });
      const res = await api.request('POST', '/api/v1/employees', { token: org.hr, body });
      await refused(res, 'name', code);
      const found = (await (await api.request('GET', `/api/v1/employees?q=${String(body.employeeNo)}`, { token: org.hr })).json()) as { items: unknown[] };
      expect(found.items).toHaveLength(0);
    });
  }

  it('the message says what is wrong in the caller’s language (zh-CN default, en)', async () => {
    const body = employeeBody({ name: `张三${RLO}`, superiorId: org.leadA.id, teamId: org.units.center });
    const zh = await refused(await api.request('POST', '/api/v1/employees', { token: org.hr, body }), 'name', 'text.direction');
    expect(zh.errors[0]!.message).toContain('U+202E');
    const en = await refused(await api.request('POST', '/api/v1/employees', { token: org.hr, body, headers: { 'accept-language': 'en' } }), 'name', 'text.direction');
    expect(en.errors[0]!.message).toMatch(/direction/);
  });

  it('real names pass: Chinese, with the middle dot of minority names, Latin with accents', async () => {
    for (const name of ['张三', '买买提·艾力', 'Zoë O’Brien']) {
      const e = await createEmployee(api, org.hr, { name, superiorId: org.leadA.id, teamId: org.units.center });
      expect(e.name).toBe(name);
    }
  });

  it('an org unit, an API key and an attachment’s file name follow the same rule', async () => {
    await refused(await api.request('POST', '/api/v1/org-units', { token: admin, body: { name: ZWSP, kind: 'team', parentId: org.units.center } }), 'name', 'text.blank');
    await refused(await api.request('POST', '/api/v1/api-keys', { token: admin, body: { name: `报表${RLO}`, scopes: ['employees:read'] } }), 'name', 'text.direction');
    await refused(
      await api.request('POST', '/api/v1/attachments', { token: lead, body: { fileName: `合同${RLO}fdp.exe`, contentType: 'application/pdf', size: 100 } }),
      'fileName',
      'text.direction',
    );
  });
});

describe('paragraphs take line breaks but not hidden characters (#13 item 5)', () => {
  const comment = (text: string) => api.request('POST', `/api/v1/requests/probation/${reviewId}/comments`, { token: lead, body: { text } });

  it('a comment over several lines, with an emoji sequence (zero-width joiner), is taken', async () => {
    const res = await comment('第一行\n第二行\r\n\t缩进 👩‍💻');
    expect(res.status, await res.clone().text()).toBe(201);
  });

  it('a comment with U+202E or NUL is refused naming text', async () => {
    await refused(await comment(`请看附件 ${RLO}gpj.exe`), 'text', 'text.direction');
    await refused(await comment('a\u0000b'), 'text', 'text.control');
  });
});

describe('no string anywhere in a body takes NUL or a direction override (#13 item 5)', () => {
  it('a policy value with NUL deep inside is refused naming its path, and the policy is unchanged', async () => {
    const hrAdmin = await api.signIn(['hr']);
    const before = (await (await api.request('GET', '/api/v1/policies/probation', { token: hrAdmin })).json()) as { version: number; values: Record<string, unknown> };
    const values = JSON.parse(JSON.stringify(before.values)) as Record<string, unknown>;
    const key = Object.keys(values)[0]!;
    const res = await api.request('PUT', '/api/v1/policies/probation', { token: hrAdmin, body: { values: { ...values, note: { label: 'x\u0000y' } }, version: before.version } });
    await refused(res, 'values.note.label', 'text.control');
    const after = (await (await api.request('GET', '/api/v1/policies/probation', { token: hrAdmin })).json()) as { version: number; values: Record<string, unknown> };
    expect(after.version).toBe(before.version);
    expect(after.values[key]).toEqual(before.values[key]);
  });

  it('a key with a direction override is refused too', async () => {
    const res = await api.request('POST', '/api/v1/org-units', { token: admin, body: { name: '客服一组', kind: 'team', parentId: org.units.center, [`x${RLO}`]: 1 } });
    await refused(res, `x${RLO}`, 'text.direction');
  });
});

describe('the rules at their edges', () => {
  it('a line: visible text passes, spaces inside are fine, anything hidden is named', () => {
    expect(lineProblem('张 三')).toBeNull();
    expect(lineProblem('')).toBeNull(); // empty is the field's own length rule
    expect(lineProblem(' ')).toBe('text.blank');
    expect(lineProblem('\u3000')).toBe('text.blank'); // an ideographic space alone
    expect(lineProblem('\u0085')).toBe('text.control'); // NEL, a C1 control
    expect(lineProblem('\u007F')).toBe('text.control');
    expect(lineProblem('a\u200Fb')).toBe('text.direction');
    expect(lineProblem('a\u2066b')).toBe('text.direction');
    expect(lineProblem('a\u2060b')).toBe('text.invisible');
    expect(lineProblem('a\u00ADb')).toBe('text.invisible');
  });

  it('a paragraph: line breaks and tabs and joiners pass, the rest does not', () => {
    expect(paragraphProblem('一\n二\r\n\t三')).toBeNull();
    expect(paragraphProblem('👨‍👩‍👧')).toBeNull();
    expect(paragraphProblem('a\u000Bb')).toBe('text.control');
    expect(paragraphProblem('a\u202Db')).toBe('text.direction');
    expect(paragraphProblem('a\u200Bb')).toBe('text.invisible');
    expect(paragraphProblem('\u200D')).toBe('text.blank');
  });
});
