import englishMessages from 'ra-language-english';
import { describe, expect, it } from 'vitest';
import en from '../../admin/src/i18n/en.js';
import zhCN from '../../admin/src/i18n/zh-CN.js';

// The console's English is react-admin's catalog plus ours, as admin/src/i18n/index.ts builds it.
const english: Record<string, unknown> = { ...englishMessages, ...en };
const chinese: Record<string, unknown> = zhCN;

function leaves(node: unknown, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (node && typeof node === 'object' && !Array.isArray(node)) {
    for (const [key, value] of Object.entries(node)) {
      for (const [path, leaf] of leaves(value, prefix ? `${prefix}.${key}` : key)) out.set(path, leaf);
    }
  } else {
    out.set(prefix, node);
  }
  return out;
}

const placeholders = (text: string) => new Set([...text.matchAll(/%\{(\w+)\}/g)].map((m) => m[1]));

const englishLeaves = leaves(english);
const chineseLeaves = leaves(chinese);

describe('message catalogs', () => {
  it('every English message, react-admin’s and ours, has a Chinese translation', () => {
    const missing = [...englishLeaves.keys()].filter((path) => !chineseLeaves.has(path));
    expect(missing).toEqual([]);
  });

  it('the Chinese catalog has no key the English one lacks', () => {
    const extra = [...chineseLeaves.keys()].filter((path) => !englishLeaves.has(path));
    expect(extra).toEqual([]);
  });

  it('every message is a non-empty string in both languages', () => {
    // ra.boolean.null is a single space on purpose (an empty cell).
    const bad = [...englishLeaves, ...chineseLeaves].filter(
      ([path, value]) => typeof value !== 'string' || (value.trim() === '' && path !== 'ra.boolean.null'),
    );
    expect(bad.map(([path]) => path)).toEqual([]);
  });

  it('a Chinese message only uses variables its English message provides', () => {
    const unknown: string[] = [];
    for (const [path, value] of chineseLeaves) {
      const source = englishLeaves.get(path);
      if (typeof value !== 'string' || typeof source !== 'string') continue;
      const known = placeholders(source);
      for (const name of placeholders(value)) if (!known.has(name)) unknown.push(`${path}: %{${name}}`);
    }
    expect(unknown).toEqual([]);
  });

  it('the people grid headers read in Chinese', () => {
    const fields = zhCN.resources.employees.fields;
    expect([
      fields.employeeNo,
      fields.name,
      fields.post,
      fields.level,
      fields.status,
      fields.superiorName,
      fields.teamName,
      fields.hireDate,
      fields.probationEndDate,
      fields.conversionDate,
    ]).toEqual(['工号', '姓名', '岗位', '职级', '状态', '直属上级', '团队', '入职日期', '试用期截止', '转正日期']);
  });

  it('a value the company’s documents leave open is marked 系统默认, explained in manager’s words, never 制度空白 (#12 item 16)', () => {
    expect([zhCN.app.policy_gap, zhCN.app.policy_gap_hint]).toEqual(['系统默认', '公司制度未规定，系统默认']);
    expect([en.app.policy_gap, en.app.policy_gap_hint]).toEqual(['System default', 'Not set by company policy; system default']);
    const jargon = [...chineseLeaves].filter(([, text]) => typeof text === 'string' && /制度空白|本系统默认/.test(text));
    expect(jargon).toEqual([]);
  });
});
