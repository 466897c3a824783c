/**
 * The shell of the pages an emailed approval link opens. Self-contained and script-free:
 * mail scanners (Defender Safe Links, Mimecast) fetch these pages and some run scripts, so
 * nothing here can act on its own; only the form's explicit POST decides.
 */
import { escapeHtml, type Lang } from '../../email/render.js';

/** Headers for every link page (GET and the POST re-render alike). */
export const LINK_PAGE_HEADERS: Readonly<Record<string, string>> = {
  'Content-Type': 'text/html; charset=utf-8',
  'Cache-Control': 'no-store',
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
  'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
};

const BRAND: Record<Lang, string> = { 'zh-CN': '客服部管理系统', en: 'CS Department' };

// 16 px inputs: iOS zooms into smaller ones. One column; buttons go full width on a phone.
const CSS = `
*{box-sizing:border-box}
body{margin:0;background:#f6f8fa;color:#1f2328;font:16px/1.6 -apple-system,"PingFang SC","Microsoft YaHei",system-ui,sans-serif}
header{background:#1565c0;color:#fff;padding:12px 16px;font-size:14px}
main{max-width:560px;margin:0 auto;padding:16px}
.card{background:#fff;border:1px solid #d0d7de;border-radius:6px;padding:20px 16px}
h1{font-size:20px;margin:0 0 4px;word-break:break-word}
.step{color:#57606a;margin:0 0 16px}
dl{display:grid;grid-template-columns:max-content 1fr;gap:6px 12px;margin:16px 0;font-size:15px}
dt{color:#57606a}dd{margin:0;word-break:break-word;white-space:pre-line}
label{display:block;font-weight:600;margin:16px 0 6px}
.req{color:#c62828;font-weight:400}
input,textarea,select{width:100%;font:inherit;padding:8px 10px;border:1px solid #8c959f;border-radius:4px;background:#fff}
textarea{min-height:96px;resize:vertical}
.error{background:#ffebe9;border:1px solid #ff8182;color:#a40e26;border-radius:4px;padding:8px 12px;margin:12px 0}
.actions{display:flex;flex-wrap:wrap;gap:12px;align-items:center;margin-top:20px}
button{font:inherit;font-weight:600;border:0;border-radius:4px;padding:10px 24px;color:#fff;background:#1565c0;cursor:pointer}
button.reject{background:#c62828}
a{color:#1565c0}
.muted{color:#57606a;font-size:14px}
@media (max-width:480px){.actions button{width:100%}}
`;

export function renderPage(lang: Lang, title: string, body: string): string {
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="referrer" content="no-referrer"><meta name="robots" content="noindex,nofollow">
<title>${escapeHtml(title)} · ${escapeHtml(BRAND[lang])}</title>
<style>${CSS}</style></head>
<body><header>${escapeHtml(BRAND[lang])}</header><main><div class="card">
${body}
</div></main></body></html>`;
}

export function renderRows(rows: readonly (readonly [string, string])[]): string {
  if (rows.length === 0) return '';
  return `<dl>${rows.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`).join('')}</dl>`;
}
