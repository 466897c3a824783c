/**
 * Stands in for zod's `locales/index.js` inside Lambda bundles (lambda-bundle.ts): the API
 * speaks zh-CN and en only. @hono/zod-openapi hands zod's whole `z` namespace to
 * `extendZodWithOpenApi(z)`, and that namespace re-exports every locale zod ships (~40,
 * 260 kB minified), so esbuild cannot drop the unused ones; this module is what it sees
 * instead. Keep the export names zod's index uses (`zhCN`, not `zh-CN`).
 */
export { default as en } from 'zod/v4/locales/en.js';
export { default as zhCN } from 'zod/v4/locales/zh-CN.js';
