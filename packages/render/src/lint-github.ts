/**
 * GitHub Actions workflow commands (`::error file=…,line=…::…`): each finding becomes an
 * annotation on the line of its object (its field where known) in the pull request's diff.
 */
import type { Finding } from '@vmtopo/model';
import { type Locate, findingPlace } from './lint-format.ts';

const COMMAND: Record<Finding['severity'], string> = { error: 'error', warning: 'warning', info: 'notice' };

/** Escapes of the workflow command syntax: data may not hold %, CR or LF; properties not : or , either. */
const data = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const property = (s: string) => data(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

export function formatGithub(findings: Finding[], locate?: Locate): string {
  return findings
    .map((f) => {
      const place = findingPlace(f, locate);
      const props = [
        ...(place ? [`file=${property(place.file)}`, ...(place.line !== undefined ? [`line=${place.line}`] : []), ...(place.col !== undefined ? [`col=${place.col}`] : [])] : []),
        `title=${property(`vmtopo ${f.ruleId}`)}`,
      ];
      const text = f.fixable && f.fixLabel ? `${f.message} (fix: ${f.fixLabel})` : f.message;
      return `::${COMMAND[f.severity]} ${props.join(',')}::${data(text)}\n`;
    })
    .join('');
}
