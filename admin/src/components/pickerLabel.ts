/** A person as a picker lists them: name, then post and team when known (张伟 · 主管 · 客户服务中心). */
export function pickerLabel(name: string, post: string | null, teamName: string | null): string {
  return [name, post, teamName].filter((part): part is string => !!part).join(' · ');
}
