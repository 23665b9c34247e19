// The web app's resources in one language, a chunk of their own: only the reader's language is
// downloaded (i18n.ts loads the others when the reader switches).
import main from '../../locales/fr.json' with { type: 'json' };
import notifications from '../../../i18n/notifications/fr.json' with { type: 'json' };
import { mergeLocale, type Tree } from '../merge.ts';

const features = import.meta.glob<Tree>('../../locales/features/*.fr.json', {
  eager: true,
  import: 'default',
});

export default mergeLocale(main, features, notifications);
