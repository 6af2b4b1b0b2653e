import { RULES } from '@vmtopo/model';
import { describe, expect, it } from 'vitest';
import { sourceUrl, sourceUrls } from './rule-sources.ts';

describe('rule catalog source links', () => {
  it('turns op: and vm: citations into GitHub URLs at the catalog commits, with line anchors', () => {
    expect(sourceUrl('op:docs/resources/vmagent.md:242-300')).toBe('https://github.com/VictoriaMetrics/operator/blob/d0d258c86b5aed0df47dd2b3c52c5a97e40e6b48/docs/resources/vmagent.md#L242-L300');
    expect(sourceUrl('vm:vmagent.md §High availability')).toBe('https://github.com/VictoriaMetrics/VictoriaMetrics/blob/b7ef6cc3ed35c607e053a8b7755fc3b896a10eaa/docs/victoriametrics/vmagent.md');
    expect(sourceUrl('vm:README.md:1390-1392')).toMatch(/docs\/victoriametrics\/README\.md#L1390-L1392$/);
    expect(sourceUrl('vm:app/vmalert/manager.go:137')).toMatch(/\/b7ef6cc3ed35c607e053a8b7755fc3b896a10eaa\/app\/vmalert\/manager\.go#L137$/);
    expect(sourceUrl('op:factory/vmsingle/vmsingle.go:176-186')).toMatch(/\/internal\/controller\/operator\/factory\/vmsingle\/vmsingle\.go#L176-L186$/);
    expect(sourceUrl('vmagent.go:819-838')).toBeUndefined();
  });

  it('every rule of the catalog has at least one link, except those citing only code without a repository', () => {
    const unlinked = RULES.filter((r) => sourceUrls(r.source).length === 0).map((r) => r.id);
    expect(unlinked.length).toBeLessThan(RULES.length / 4);
    for (const r of RULES) for (const url of sourceUrls(r.source)) expect(url).toMatch(/^https:\/\/github\.com\/VictoriaMetrics\/(operator|VictoriaMetrics)\/blob\/[0-9a-f]{40}\/[\w./-]+(#L\d+(-L\d+)?)?$/);
  });
});
