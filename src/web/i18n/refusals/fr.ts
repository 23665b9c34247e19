// Every area's refusals in this language, one chunk: a page may show a refusal of any area.
import type { Tree } from '../merge.ts';
import { mergeParts } from '../merge.ts';

const parts = import.meta.glob<Tree>('../../locales/features/*.fr.json', {
  eager: true,
  query: '?part=refusals',
  import: 'default',
});

export default mergeParts(parts);
