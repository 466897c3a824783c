/**
 * The webhooks area's error codes with their words (zh-CN first) and HTTP statuses, kept
 * together so the area reads (and is removed) as one folder; errors.ts, http/messages.ts and
 * http/problem.ts merge them.
 */
import type { UrlRefusal } from './receiver-url.js';

export const WEBHOOK_MESSAGES = {
  'WEBHOOK.NOT_FOUND': { 'zh-CN': 'Webhook 不存在', en: 'Webhook not found' },
  'WEBHOOK.DELIVERY_NOT_FOUND': { 'zh-CN': '投递记录不存在', en: 'Delivery not found' },
  'WEBHOOK.LIMIT': { 'zh-CN': '最多可登记 {max} 个 Webhook，请先删除不用的', en: 'At most {max} webhooks can be registered; delete one you no longer use first' },
  'WEBHOOK.URL_MALFORMED': { 'zh-CN': '地址格式不正确（须为完整的 http:// 或 https:// 地址，不含 #）', en: 'Not a valid address (a full http:// or https:// URL without #)' },
  'WEBHOOK.URL_SCHEME': { 'zh-CN': '只支持 http:// 或 https:// 地址', en: 'Only http:// and https:// addresses are supported' },
  'WEBHOOK.URL_HTTPS_REQUIRED': { 'zh-CN': '须使用 https:// 地址', en: 'The address must use https://' },
  'WEBHOOK.URL_CREDENTIALS': { 'zh-CN': '地址中不能包含用户名或密码', en: 'The address may not contain a user name or password' },
  'WEBHOOK.URL_PRIVATE_ADDRESS': {
    'zh-CN': '该地址指向本机、内网或云元数据等非公网地址，不能接收 Webhook（局域网部署可设置 WEBHOOK_ALLOW_PRIVATE_NETWORKS=1）',
    en: 'The address points to this machine, a private network or the cloud metadata service; webhooks go to public addresses only (a LAN installation may set WEBHOOK_ALLOW_PRIVATE_NETWORKS=1)',
  },
  'WEBHOOK.URL_UNRESOLVABLE': { 'zh-CN': '无法解析该地址的域名', en: 'The address’s host name does not resolve' },
} as const satisfies Record<string, { 'zh-CN': string; en: string }>;

export type WebhookErrorCode = keyof typeof WEBHOOK_MESSAGES;

export const WEBHOOK_STATUS: Record<WebhookErrorCode, 400 | 404 | 409> = {
  'WEBHOOK.NOT_FOUND': 404,
  'WEBHOOK.DELIVERY_NOT_FOUND': 404,
  'WEBHOOK.LIMIT': 409,
  'WEBHOOK.URL_MALFORMED': 400,
  'WEBHOOK.URL_SCHEME': 400,
  'WEBHOOK.URL_HTTPS_REQUIRED': 400,
  'WEBHOOK.URL_CREDENTIALS': 400,
  'WEBHOOK.URL_PRIVATE_ADDRESS': 400,
  'WEBHOOK.URL_UNRESOLVABLE': 400,
};

export const URL_REFUSAL_CODE: Record<UrlRefusal, WebhookErrorCode> = {
  malformed: 'WEBHOOK.URL_MALFORMED',
  scheme: 'WEBHOOK.URL_SCHEME',
  https_required: 'WEBHOOK.URL_HTTPS_REQUIRED',
  credentials: 'WEBHOOK.URL_CREDENTIALS',
  private_address: 'WEBHOOK.URL_PRIVATE_ADDRESS',
  unresolvable: 'WEBHOOK.URL_UNRESOLVABLE',
};
