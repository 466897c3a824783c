/**
 * The layer rules of ARCHITECTURE.md / STYLE.md, enforced by `npm run lint`:
 * dependencies point downward only (http/workflow → email/storage → domain).
 */
module.exports = {
  forbidden: [
    { name: 'domain-is-pure', severity: 'error', comment: 'domain imports nothing of ours outside itself',
      from: { path: '^functions/domain' }, to: { path: '^(functions/(storage|http|workflow|email)|infra|admin)' } },
    { name: 'domain-no-io', severity: 'error', comment: 'domain has no AWS SDK and no HTTP framework',
      from: { path: '^functions/domain' }, to: { path: '(@aws-sdk|hono|nodemailer)' } },
    { name: 'storage-below-http', severity: 'error', comment: 'storage knows nothing of HTTP or workflows',
      from: { path: '^functions/storage' }, to: { path: '^functions/(http|workflow|email)' } },
    { name: 'email-below-http', severity: 'error',
      from: { path: '^functions/email' }, to: { path: '^functions/(http|workflow)' } },
    { name: 'functions-not-infra', severity: 'error', comment: 'business code never depends on where it runs',
      from: { path: '^functions' }, to: { path: '^infra' } },
    { name: 'admin-is-a-client', severity: 'error', comment: 'the console reaches the backend only through the HTTP API',
      from: { path: '^admin' }, to: { path: '^(functions|infra)' } },
    { name: 'sheet-grid-loaded-lazily', severity: 'error', comment: 'AG Grid is ~1 MB: pages use sheet/Sheet.tsx, which imports the grid with import() (AG Grid itself: eslint.config.js)',
      from: { path: '^admin/src', pathNot: '^admin/src/sheet/grid/' }, to: { path: '^admin/src/sheet/grid/', dependencyTypesNot: ['dynamic-import', 'type-only'] } },
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } } },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '(node_modules|cdk\\.out|admin/dist)' },
  },
};
