import { describe, expect, it } from 'vitest';
import { createHttp, problemToHttpError } from '../../../admin/src/providers/http.js';

function fakeFetch(status: number, body: unknown, contentType = 'application/json') {
  const requests: Array<{ url: string; init: RequestInit }> = [];
  const fetch = async (url: string | URL | Request, init?: RequestInit) => {
    requests.push({ url: String(url), init: init ?? {} });
    return new Response(body === undefined ? null : JSON.stringify(body), {
      status,
      headers: { 'Content-Type': contentType },
    });
  };
  return { requests, fetch: fetch as typeof globalThis.fetch };
}

describe('the console’s HTTP calls', () => {
  it('carry the session cookie and ask for messages in the UI language', async () => {
    const { requests, fetch } = fakeFetch(200, { ok: true });
    const http = createHttp({ baseUrl: '/api/v1', getLocale: () => 'en', fetch });
    await http('/employees', { query: { limit: 25, cursor: null, status: 'regular', ids: ['a', 'b'] } });
    const [request] = requests;
    expect(request?.url).toBe('/api/v1/employees?limit=25&status=regular&ids=a%2Cb');
    expect(request?.init.credentials).toBe('include');
    expect(new Headers(request?.init.headers).get('Accept-Language')).toBe('en');
  });

  it('send JSON bodies', async () => {
    const { requests, fetch } = fakeFetch(201, { id: 'e1' });
    const http = createHttp({ baseUrl: '/api/v1', getLocale: () => 'zh-CN', fetch });
    const answer = await http('/employees', { method: 'POST', body: { name: '张三' } });
    expect(answer.json).toEqual({ id: 'e1' });
    expect(requests[0]?.init.body).toBe(JSON.stringify({ name: '张三' }));
    expect(new Headers(requests[0]?.init.headers).get('Content-Type')).toBe('application/json');
  });

  it('turn a problem with field errors into form errors under each field', async () => {
    const problem = {
      type: 'about:blank',
      title: '请求无效',
      status: 422,
      detail: '请检查标出的字段',
      code: 'VALIDATION',
      errors: [
        { path: 'employeeNo', message: '员工编号已存在' },
        { path: '/address/city', message: '必填' },
      ],
    };
    const { fetch } = fakeFetch(422, problem, 'application/problem+json');
    const http = createHttp({ baseUrl: '/api/v1', getLocale: () => 'zh-CN', fetch });
    const error = await http('/employees', { method: 'POST', body: {} }).catch((e: unknown) => e);
    expect(error).toMatchObject({
      status: 422,
      message: '请检查标出的字段',
      body: {
        code: 'VALIDATION',
        errors: {
          employeeNo: '员工编号已存在',
          address: { city: '必填' },
          root: { serverError: '请检查标出的字段' },
        },
      },
    });
  });

  it('leave a conflict without field errors as a plain error message', () => {
    const error = problemToHttpError(409, { status: 409, title: 'Conflict', detail: '记录已被他人修改，请刷新后重试' });
    expect(error.status).toBe(409);
    expect(error.message).toBe('记录已被他人修改，请刷新后重试');
    // react-admin skips its error notification when body.errors is present.
    expect(error.body.errors).toBeUndefined();
  });

  it('fall back to a translatable message when the server says nothing useful', () => {
    expect(problemToHttpError(502, 'Bad Gateway').message).toBe('ra.notification.http_error');
  });
});
