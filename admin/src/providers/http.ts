import { HttpError } from 'react-admin';
import type { EarlyReads } from './earlyReads.js';

/**
 * The console's one way to call the API. Everything goes through here so that every request
 * carries the session cookie and the UI language, and every failure becomes the same kind of
 * error react-admin understands (an HttpError whose body.errors drives server-side validation).
 */

/** RFC 9457 problem details, as the API sends them. */
export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  code?: string;
  errors?: Array<{ path: string; message: string }>;
}

export type QueryValue = string | number | boolean | null | undefined | ReadonlyArray<string | number>;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  query?: Record<string, QueryValue>;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface HttpResponse<T> {
  status: number;
  headers: Headers;
  json: T;
}

export type Http = <T = unknown>(path: string, options?: RequestOptions) => Promise<HttpResponse<T>>;

export interface HttpConfig {
  baseUrl: string;
  /** The UI locale, sent as Accept-Language so server messages come back in the same language. */
  getLocale: () => string;
  fetch?: typeof fetch;
  /** Reads started before React (earlyReads.ts): a plain GET takes its answer if one is there. */
  early?: EarlyReads;
}

export function createHttp({ baseUrl, getLocale, fetch: fetchImpl = (...args) => fetch(...args), early }: HttpConfig): Http {
  return async function http<T>(path: string, options: RequestOptions = {}): Promise<HttpResponse<T>> {
    const url = baseUrl + path + toQueryString(options.query);
    const method = options.method ?? 'GET';
    // Only a success is taken: a 401 read before sign-in, or any failure, is read again.
    const earlyResponse =
      early && method === 'GET' && !options.headers
        ? await early.take(url, getLocale())?.then((r) => (r.ok ? r : undefined), () => undefined)
        : undefined;
    if (earlyResponse) return { status: earlyResponse.status, headers: earlyResponse.headers, json: (await readJson(earlyResponse)) as T };

    const headers = new Headers({ Accept: 'application/json, application/problem+json', ...options.headers });
    headers.set('Accept-Language', getLocale());
    // Proof the call comes from the console, not a form another page submits with the session
    // cookie (the API refuses a cookie-authenticated change without it or a JSON body).
    headers.set('X-Requested-With', 'cs-console');
    let body: string | undefined;
    if (options.body !== undefined) {
      headers.set('Content-Type', 'application/json');
      body = JSON.stringify(options.body);
    }

    let response: Response;
    try {
      response = await fetchImpl(url, {
        method,
        headers,
        body,
        credentials: 'include',
      });
    } catch {
      // Network down, DNS, CORS: no status to map; react-admin translates the key.
      throw new HttpError('ra.notification.http_error', 0, null);
    }

    const json = await readJson(response);
    if (!response.ok) throw problemToHttpError(response.status, json, response.statusText);
    return { status: response.status, headers: response.headers, json: json as T };
  };
}

export function toQueryString(query: Record<string, QueryValue> | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) {
      if (value.length > 0) params.set(key, value.join(','));
    } else {
      params.set(key, String(value));
    }
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

async function readJson(response: Response): Promise<unknown> {
  if (response.status === 204) return null;
  const text = await response.text();
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/**
 * Turns a problem+json answer into react-admin's HttpError.
 *
 * Field errors (`errors: [{path, message}]`) become `body.errors` shaped like the form
 * (`{ employeeNo: '员工编号已存在' }`, nested for dotted paths): react-admin's create/edit
 * controllers return them to the form, which shows each message under its input. The
 * problem's `detail` goes to `root.serverError`, which react-admin shows as the notification
 * instead of its generic "the form is not valid".
 */
export function problemToHttpError(status: number, payload: unknown, statusText = ''): HttpError {
  const problem: Problem = isObject(payload) ? (payload as Problem) : {};
  const message = problem.detail || problem.title || statusText || 'ra.notification.http_error';
  const fieldErrors = Array.isArray(problem.errors) ? toFormErrors(problem.errors) : undefined;
  const body: Record<string, unknown> = { ...problem };
  if (fieldErrors && Object.keys(fieldErrors).length > 0) {
    body.errors = { ...fieldErrors, root: { serverError: message } };
  } else {
    // An empty `errors` would make react-admin skip the error notification.
    delete body.errors;
  }
  return new HttpError(message, status, body);
}

type FormErrors = { [key: string]: string | FormErrors };

/** `employeeNo`, `address.city`, `/address/city` and `items[0].name` all map to form paths. */
export function toFormErrors(errors: ReadonlyArray<{ path: string; message: string }>): FormErrors {
  const result: FormErrors = {};
  for (const { path, message } of errors) {
    const segments = String(path ?? '')
      .replace(/\[(\d+)\]/g, '.$1')
      .split(/[./]/)
      .filter(Boolean);
    if (segments.length === 0) continue;
    let node = result;
    segments.forEach((segment, index) => {
      if (index === segments.length - 1) {
        // First message wins: the server lists the most relevant one first.
        if (node[segment] === undefined) node[segment] = message;
        return;
      }
      const next = node[segment];
      if (typeof next === 'object') {
        node = next;
      } else {
        const child: FormErrors = {};
        node[segment] = child;
        node = child;
      }
    });
  }
  return result;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
