import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { toDocument, type Topology } from '@vmtopo/model';
import { describe, expect, it } from 'vitest';
import { haDesign } from '../../../../model/src/fixtures/ha-design.ts';
import { HA } from '../../../../model/src/fixtures/build.ts';
import { runCli as run } from '../../testing/cli.ts';

/** `vmtopo size` and `vmtopo whatif` read the design's own inputs (document v2) when no flag gives them. */
const dir = mkdtempSync(join(tmpdir(), 'vmtopo-inputs-'));
const file = (name: string, t: Topology) => {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(toDocument(t)));
  return path;
};
const described: Topology = {
  ...haDesign(),
  zones: 2,
  outageMinutes: 360,
  components: haDesign().components.map((c) => (c.id === HA.agent ? { ...c, workload: { activeSeries: 600_000 } } : c)),
};

describe('design inputs in the CLI', () => {
  it('size: the design’s series and outage, a flag overriding them', async () => {
    const path = file('described.vmtopo.json', described);
    const json = JSON.parse((await run(['size', '--format', 'json', path])).out);
    expect(json.agents[0]).toMatchObject({ component: 'scraper', series: 600_000, assumed: false });
    expect(json.inputs.outage).toBe('360m');
    const flagged = JSON.parse((await run(['size', '--format', 'json', '--series', `${HA.agent}=1000`, '--outage', '1h', path])).out);
    expect(flagged.agents[0]).toMatchObject({ series: 1000 });
    expect(flagged.inputs.outage).toBe('1h');
  });

  it('lint: the capacity findings follow the design’s workload', async () => {
    const quiet = await run(['lint', '--format', 'json', file('plain.vmtopo.json', haDesign())]);
    expect(quiet.out).not.toContain('storage-undersized');
    const loud = await run(['lint', '--format', 'json', file('described2.vmtopo.json', described)]);
    expect(loud.out).toContain('storage-undersized');
  });

  it('whatif: the design’s zones unless --zones gives others', async () => {
    const path = file('zones.vmtopo.json', described);
    expect(JSON.parse((await run(['whatif', '--format', 'json', path])).out).zones).toBe(2);
    expect(JSON.parse((await run(['whatif', '--format', 'json', '--zones', '4', path])).out).zones).toBe(4);
  });
});
