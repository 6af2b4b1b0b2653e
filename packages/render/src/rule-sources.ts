/**
 * Links for the rule catalog's sources. A rule cites its sources as `op:<path>[:lines]` (the
 * VictoriaMetrics operator) and `vm:<path>[:lines]` (VictoriaMetrics), each at the commit the
 * catalog was written against (shared/domain/vm-domain.md, "Sources"); these become GitHub URLs
 * that code-scanning tools show as the rule's help link.
 */
const REPOS = {
  op: { base: 'https://github.com/VictoriaMetrics/operator/blob/d0d258c86b5aed0df47dd2b3c52c5a97e40e6b48/', root: '' },
  // vm: paths without a folder are documentation pages, which live under docs/victoriametrics/.
  vm: { base: 'https://github.com/VictoriaMetrics/VictoriaMetrics/blob/b7ef6cc3ed35c607e053a8b7755fc3b896a10eaa/', root: 'docs/victoriametrics/' },
} as const;

/** `op:docs/resources/vmagent.md:242-300` → its GitHub URL with `#L242-L300`; undefined for any other citation. */
export function sourceUrl(citation: string): string | undefined {
  const m = /^(op|vm):([\w./-]+?\.(?:md|go))(?::(\d+)(?:-(\d+))?)?(?=$|[\s,;§(])/.exec(citation.trim());
  if (!m) return undefined;
  const repo = REPOS[m[1] as 'op' | 'vm'];
  const path = m[2]!.includes('/') ? m[2]! : `${repo.root}${m[2]}`;
  // The catalog abbreviates operator factory paths (`op:factory/...`); they sit under internal/controller/operator/.
  const full = m[1] === 'op' && path.startsWith('factory/') ? `internal/controller/operator/${path}` : path;
  const anchor = m[3] ? `#L${m[3]}${m[4] ? `-L${m[4]}` : ''}` : '';
  return `${repo.base}${full}${anchor}`;
}

/** Every linkable citation of a rule's `source` (citations are separated by `;`), in order. */
export function sourceUrls(source: string): string[] {
  return source.split(';').flatMap((c) => sourceUrl(c) ?? []);
}
