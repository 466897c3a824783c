/**
 * /api/docs: a self-contained reference page rendered from /api/v1/openapi.json. No CDN
 * (the usual Swagger UI loads from one, which many networks in China block).
 */
export const DOCS_HTML = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>客服部管理系统 API</title>
<link rel="stylesheet" href="/api/docs/docs.css"></head><body><header><h1>客服部管理系统 API</h1><div id="v"></div></header><main id="root">加载中…</main>
<script src="/api/docs/docs.js"></script></body></html>`;

export const DOCS_CSS = `
body{font:14px/1.5 system-ui,-apple-system,"PingFang SC","Microsoft YaHei",sans-serif;margin:0;color:#1f2328;background:#f6f8fa}
header{background:#1565c0;color:#fff;padding:16px 24px}header h1{margin:0;font-size:20px}
main{max-width:1000px;margin:0 auto;padding:16px}
section{background:#fff;border:1px solid #d0d7de;border-radius:6px;margin:12px 0}
h2{font-size:16px;margin:0;padding:10px 14px;border-bottom:1px solid #d0d7de;text-transform:capitalize}
details{border-top:1px solid #eaeef2}details:first-of-type{border-top:0}
summary{padding:8px 14px;cursor:pointer;display:flex;gap:10px;align-items:center}
.m{font-weight:700;font-family:monospace;min-width:56px;text-transform:uppercase}
.get{color:#1a7f37}.post{color:#0969da}.patch,.put{color:#9a6700}.delete{color:#cf222e}
code,pre{font-family:ui-monospace,Menlo,monospace;font-size:12px}pre{background:#f6f8fa;padding:8px;overflow:auto;margin:0 14px 10px}
.d{padding:0 14px 6px;color:#57606a}
`;

export const DOCS_JS = `
fetch('/api/v1/openapi.json').then(r=>r.json()).then(doc=>{
  const root=document.getElementById('root');root.textContent='';
  document.getElementById('v').textContent=doc.info.title+' '+doc.info.version+' · OpenAPI '+doc.openapi+' · /api/v1/openapi.json';
  const groups={};
  for(const [path,ops] of Object.entries(doc.paths))for(const [m,op] of Object.entries(ops)){
    const tag=(op.tags&&op.tags[0])||'other';(groups[tag]=groups[tag]||[]).push({path,m,op});}
  const resolve=s=>s&&s.$ref?s.$ref.split('/').slice(1).reduce((o,k)=>o&&o[k],doc):s;
  for(const [tag,ops] of Object.entries(groups)){
    const sec=document.createElement('section');const h=document.createElement('h2');h.textContent=tag;sec.append(h);
    for(const {path,m,op} of ops){
      const d=document.createElement('details');const s=document.createElement('summary');
      const mm=document.createElement('span');mm.className='m '+m;mm.textContent=m;
      const p=document.createElement('code');p.textContent=path;const t=document.createElement('span');t.textContent=op.summary||'';t.title=op.operationId||'';
      s.append(mm,p,t);d.append(s);
      const parts=[];
      if(op.parameters&&op.parameters.length)parts.push(['Parameters',op.parameters.map(resolve).map(x=>({name:x.name,in:x.in,required:!!x.required,schema:x.schema,description:x.description}))]);
      const body=op.requestBody&&op.requestBody.content&&op.requestBody.content['application/json'];
      if(body)parts.push(['Request body',resolve(body.schema)]);
      for(const [code,ref] of Object.entries(op.responses||{})){const r=resolve(ref);const c=r.content&&(r.content['application/json']||r.content['application/problem+json']);
        parts.push(['Response '+code+' — '+r.description,c?resolve(c.schema):null]);}
      for(const [label,val] of parts){const l=document.createElement('div');l.className='d';l.textContent=label;d.append(l);
        if(val){const pre=document.createElement('pre');pre.textContent=JSON.stringify(val,null,2);d.append(pre);}}
      sec.append(d);}
    root.append(sec);}
}).catch(e=>{document.getElementById('root').textContent='无法加载 OpenAPI 文档: '+e});
`;
