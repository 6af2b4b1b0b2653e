import { describe, expect, it } from 'vitest';
import { lint } from '@vmtopo/model';
import { importManifests } from './import.ts';
import { seedFixtures } from './testing/seed.ts';

const seed = Object.fromEntries(seedFixtures().map((f) => [f.name, f.text]));
const ids = (yaml: string) => [...new Set(lint(importManifests(yaml).topology).map((f) => `${f.severity} ${f.ruleId}`))].sort();

/**
 * What the checker says about each example of the seed document — the review an experienced
 * operator user would give it. Examples that reference objects of other examples are combined
 * the way the document means them to run together.
 */
describe('findings on the seed examples', () => {
  it('VMCluster: RF 2 on 2 storage nodes is below 2·RF−1; no PDBs', () => {
    expect(ids(seed.vmcluster!)).toEqual(['info pdb-missing', 'warning vmcluster-rf-below-2n-1']);
  });

  it('HA vmagents into a deduplicating VMSingle', () => {
    const found = ids(`${seed['vmsingle-dedup']}\n---\n${seed['vmagent-ha']}`);
    expect(found).not.toContain('error ha-agents-without-dedup'); // dedup 60s = scrape interval 60s
    expect(found).toEqual(
      expect.arrayContaining(['warning vmsingle-spof', 'warning storage-ephemeral', 'warning vmagent-ephemeral-queue', 'warning replicas-without-spreading', 'info pdb-missing']),
    );
  });

  it('HA vmagents without the dedup flag are an error', () => {
    const withoutDedup = seed['vmsingle-dedup']!.replace(/\s+extraArgs:\n\s+dedup\.minScrapeInterval: 60s/, '');
    expect(ids(`${withoutDedup}\n---\n${seed['vmagent-ha']}`)).toContain('error ha-agents-without-dedup');
  });

  it('sharded agents: 5 shards × 2 replicas, no spreading', () => {
    const found = ids(`${seed['vmsingle-dedup']}\n---\n${seed['vmagent-sharded']}`);
    expect(found).not.toContain('info vmagent-sharded-no-redundancy');
    expect(found).toContain('warning replicas-without-spreading');
  });

  it('stateful agents keep their queue but write into one VMSingle without dedup interval match', () => {
    const found = ids(`${seed['vmsingle-dedup']}\n---\n${seed['vmagent-stateful']}`);
    expect(found).not.toContain('warning vmagent-ephemeral-queue');
    // 60s dedup against the default 30s scrape interval.
    expect(found).toContain('warning dedup-not-equal-scrape-interval');
  });

  it('VMAlert through alertmanager-operated reaches a 2-replica alertmanager through one address', () => {
    const found = ids(`${seed['vmalert-cluster']}\n---\n${seed['alertmanager-ha']}`);
    expect(found).toContain('error vmalert-notifier-not-all-am-pods');
    expect(found).toContain('warning vmalert-single-replica');
    expect(found).toContain('info alertmanager-even-replicas');
  });

  it('VMAlert listing both alertmanager pods, or selecting them, reaches every replica', () => {
    for (const vmalert of [seed['vmalert-fqdns'], seed['vmalert-selector']]) {
      const found = ids(`${vmalert}\n---\n${seed['alertmanager-ha']}`);
      expect(found).not.toContain('error vmalert-notifier-not-all-am-pods');
      expect(found).toContain('info alertmanager-even-replicas');
    }
  });
});
