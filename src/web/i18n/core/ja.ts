// The translations every page needs in this language — the main file (the app's frame, shared
// labels, general refusals) and each area's header links — a chunk of its own; parts.ts adds the
// rest as pages need it.
import main from '../../locales/ja.json' with { type: 'json' };
import { deepMerge, mergeParts, type Tree } from '../merge.ts';

const links = import.meta.glob<Tree>('../../locales/features/*.ja.json', {
  eager: true,
  query: '?part=shell',
  import: 'default',
});

export default deepMerge(deepMerge({}, main), mergeParts(links));
