// The web app's resources in one language, a chunk of their own: only the reader's language is
// downloaded (i18n.ts loads the others when the reader switches).
import main from '../../locales/ru.json' with { type: 'json' };
import notifications from '../../../i18n/notifications/ru.json' with { type: 'json' };
import { mergeLocale, type Tree } from '../merge.ts';

const features = import.meta.glob<Tree>('../../locales/features/*.ru.json', {
  eager: true,
  import: 'default',
});

export default mergeLocale(main, features, notifications);
