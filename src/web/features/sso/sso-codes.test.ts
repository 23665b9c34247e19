import { describe, expect, it } from 'vitest';
import { SSO_CODES } from '../../../domain/shared/refusal-codes.ts';
import en from '../../locales/features/sso.en.json' with { type: 'json' };
import fr from '../../locales/features/sso.fr.json' with { type: 'json' };
import ja from '../../locales/features/sso.ja.json' with { type: 'json' };
import ru from '../../locales/features/sso.ru.json' with { type: 'json' };

describe('single sign-on refusals', () => {
  it.each([
    ['en', en],
    ['fr', fr],
    ['ja', ja],
    ['ru', ru],
  ])('are each translated in %s', (_lang, file) => {
    const texts = (file as { refusals: { sso: Record<string, string> } }).refusals.sso;
    for (const code of Object.values(SSO_CODES)) {
      expect(texts[code.replace(/^sso\./, '')], code).toMatch(/\S/);
    }
  });
});
