/**
 * The candidate's page for their offer letter (`/a/offer/<signed link>`, from the 录用通知书
 * mail): the letter, printable, and — while the offer waits for an answer — two forms, accept
 * or decline. No account: the signed link is the candidate's key (email/offer-links.ts). GET
 * only shows (mail scanners prefetch links); the POST answers, once, through the same
 * `respondToOffer` as HR's API. The page speaks zh-CN (candidates have no language setting)
 * with English beneath.
 */
import { Hono, type Context } from 'hono';
import { DomainError } from '../../domain/errors.js';
import { escapeHtml } from '../../email/render.js';
import { verifyOfferLink } from '../../email/offer-links.js';
import { enumName, formatDate, formatMoney } from '../../email/values.js';
import { getRequest } from '../../storage/requests.js';
import { OFFER, type Offer } from '../../workflow/kinds/offer.js';
import type { AppEnv } from '../env.js';
import { LINK_PAGE_HEADERS, renderPage, renderRows } from '../pages/page-layout.js';
import { respondToOffer } from './offers.js';

const REASON_MAX = 500;

export function offerLetterRoutes() {
  const app = new Hono<AppEnv>();

  app.get('/:token', async (c) => {
    const offer = await load(c);
    if (!offer) return notFound(c);
    return c.body(letterPage(offer, c.req.path), 200, LINK_PAGE_HEADERS);
  });

  app.post('/:token', async (c) => {
    const offer = await load(c);
    if (!offer) return notFound(c);
    const form = await c.req.parseBody();
    const answer = form.answer === 'accept' || form.answer === 'decline' ? form.answer : null;
    const reason = typeof form.reason === 'string' ? form.reason.trim().slice(0, REASON_MAX) : '';
    if (!answer) return c.body(letterPage(offer, c.req.path, '请选择接受或婉拒 / Choose accept or decline'), 400, LINK_PAGE_HEADERS);
    try {
      const next = await respondToOffer(c.get('deps').workflow, offer.id, { answer, reason: reason || null, by: null, channel: 'email' }, 'zh-CN');
      return c.body(letterPage(next, c.req.path), 200, LINK_PAGE_HEADERS);
    } catch (err) {
      // Answered, lapsed or withdrawn meanwhile: the page shows where it stands.
      if (err instanceof DomainError && err.code === 'OFFER.CLOSED') {
        const now = await getRequest<Offer>(c.get('deps').store, OFFER, offer.id);
        return c.body(letterPage(now ?? offer, c.req.path), 409, LINK_PAGE_HEADERS);
      }
      throw err;
    }
  });

  return app;
}

async function load(c: Context<AppEnv>): Promise<Offer | null> {
  const deps = c.get('deps');
  const claims = verifyOfferLink(c.req.param('token') ?? '', deps.workflow.linkSecret);
  if (!claims) return null;
  const offer = await getRequest<Offer>(deps.store, OFFER, claims.offerId);
  // A link of another letter (or a made-up nonce) for this offer does not work either.
  return offer && offer.linkNonce === claims.nonce && offer.status !== 'pending_approval' ? offer : null;
}

function notFound(c: Context<AppEnv>) {
  const body = `<h1>链接无效 / This link does not work</h1>
<p>该录用通知链接无效或已不存在。如有疑问，请联系发出通知的人力资源部。</p>
<p class="muted">The offer link is not valid or no longer exists. Please contact the HR department that sent it.</p>`;
  return c.body(renderPage('zh-CN', '链接无效', body), 404, LINK_PAGE_HEADERS);
}

/** Where the offer stands, in the candidate's words (zh-CN, then English). */
function standing(o: Offer): [string, string] | null {
  switch (o.status) {
    case 'accepted':
      return [`您已于 ${formatDate(o.response!.at.slice(0, 10), 'zh-CN')} 接受录用。请于 ${formatDate(o.startDate, 'zh-CN')} 携带本通知书、身份证、学历证书及体检报告报到，最迟不晚于 ${formatDate(o.reportBy, 'zh-CN')}。`,
        `You accepted the offer. Please report on ${formatDate(o.startDate, 'en')} with this letter, your ID card, diploma and health check report — by ${formatDate(o.reportBy, 'en')} at the latest.`];
    case 'declined':
      return ['您已婉拒本次录用。感谢您的关注，祝您一切顺利。', 'You declined the offer. Thank you for your interest, and all the best.'];
    case 'lapsed':
      return [`由于未在 ${formatDate(o.reportBy, 'zh-CN')} 前报到，本录用通知已失效。`, `The offer lapsed: nobody reported by ${formatDate(o.reportBy, 'en')}.`];
    case 'withdrawn':
      return ['本录用通知已由公司撤回。如有疑问，请联系人力资源部。', 'The company withdrew this offer. Please contact HR with any questions.'];
    case 'reported':
      return ['您已完成报到，欢迎加入！', 'You have reported. Welcome aboard!'];
    case 'rejected':
    case 'failed':
      return ['本录用通知已不再有效。如有疑问，请联系人力资源部。', 'This offer is no longer valid. Please contact HR with any questions.'];
    default:
      return null;
  }
}

function letterPage(o: Offer, action: string, error?: string): string {
  const rows: [string, string][] = [
    ['岗位 / Post', `${enumName('post', o.post, 'zh-CN')}（${o.teamName}）`],
    ['职级 / Level', enumName('level', o.level, 'zh-CN')],
    ['基本工资 / Base salary', `${formatMoney(o.baseSalary, 'zh-CN')}/月`],
    ['试用期 / Probation', `${o.probationMonths} 个月`],
    ['入职日期 / Start date', formatDate(o.startDate, 'zh-CN')],
    ['最迟报到日期 / Report by', formatDate(o.reportBy, 'zh-CN')],
  ];
  const state = standing(o);
  const answering = o.status === 'sent';
  const forms = answering ? `
<form method="post" action="${escapeHtml(action)}">
<input type="hidden" name="answer" value="accept">
<div class="actions"><button type="submit">接受录用 / Accept the offer</button></div>
</form>
<form method="post" action="${escapeHtml(action)}">
<input type="hidden" name="answer" value="decline">
<label for="reason">婉拒原因（选填）/ Why you decline (optional)</label>
<textarea id="reason" name="reason" maxlength="${REASON_MAX}"></textarea>
<div class="actions"><button type="submit" class="reject">婉拒录用 / Decline the offer</button></div>
</form>` : '';
  const body = `<h1>录用通知书 / Offer letter</h1>
<p class="step">${escapeHtml(o.candidateName)}，您好：感谢您参加我司的面试，我们很高兴地通知您已被录用。</p>
${error ? `<div class="error" role="alert">${escapeHtml(error)}</div>` : ''}
${renderRows(rows)}
<p class="muted">报到时请携带本通知书、身份证、学历证书及体检报告。如未能在最迟报到日期前报到，本录用通知将自动失效。可使用浏览器的打印功能（Ctrl+P）打印本通知书。</p>
<p class="muted">When you report, bring this letter, your ID card, diploma and health check report. If you have not reported by the last day, the offer lapses by itself. Print this page with your browser (Ctrl+P).</p>
${state ? `<p role="status"><strong>${escapeHtml(state[0])}</strong><br><span class="muted">${escapeHtml(state[1])}</span></p>` : ''}
${forms}`;
  return renderPage('zh-CN', '录用通知书', body);
}
