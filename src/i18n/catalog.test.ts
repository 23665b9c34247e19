import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '#src/domain/shared/refusal.ts';
import { NOTIFICATION_CATALOGS, translatorFor } from './catalog.ts';
import { formatInstant } from './format.ts';
import { NOTIFICATION_CONTEXTS, NOTIFICATION_TYPES, renderNotification } from './notifications.ts';

function lookup(tree: unknown, path: string[]): unknown {
  return path.reduce<unknown>(
    (node, key) =>
      node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined,
    tree,
  );
}

/** The keys a plural text may be stored under in a language. */
function hasText(node: Record<string, unknown>, key: string, language: string): boolean {
  if (typeof node[key] === 'string') return true;
  const forms = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
  return forms.every((form) => typeof node[`${key}_${form}`] === 'string');
}

describe('notification catalogs', () => {
  for (const language of LANGUAGES) {
    it(`every notification type has a title and a body in ${language}`, () => {
      const missing: string[] = [];
      for (const type of NOTIFICATION_TYPES) {
        const node = lookup(NOTIFICATION_CATALOGS[language], ['notifications', ...type.split('.')]);
        if (!node || typeof node !== 'object') {
          missing.push(type);
          continue;
        }
        const texts = node as Record<string, unknown>;
        if (!hasText(texts, 'title', language)) missing.push(`${type}.title`);
        if (!hasText(texts, 'body', language)) missing.push(`${type}.body`);
        for (const context of NOTIFICATION_CONTEXTS[type] ?? []) {
          if (!hasText(texts, `body_${context}`, language)) missing.push(`${type}.body_${context}`);
        }
      }
      expect(missing).toEqual([]);
    });
  }

  it('renders names, lists, dates and plurals in the reader’s language', () => {
    const params = {
      call: { en: 'Exchange 2026', ja: '2026年度交流', ru: 'Обмен 2026' },
      hosts: [
        { en: 'Novosibirsk State University', ru: 'Новосибирский государственный университет' },
      ],
      closes: '2026-10-31',
      student: { ja: '山田 花子', en: 'Hanako Yamada' },
      home: { ja: '東北大学', en: 'Tohoku University' },
      count: 2,
      score: 81.5,
    };
    const ja = renderNotification(translatorFor('ja'), 'application.submitted', params);
    expect(ja.title).toBe('応募を受け付けました：2026年度交流');
    expect(ja.body[0]).toContain('2026年10月31日');
    const ru = renderNotification(translatorFor('ru'), 'application.submitted', params);
    expect(ru.body[0]).toContain('Новосибирский государственный университет');
    expect(ru.body[0]).toContain('31 октября 2026');
    const fr = renderNotification(translatorFor('fr'), 'application.scored_home', params);
    expect(fr.body[0]).toContain('les 2 évaluations');
    expect(fr.body[0]).toContain('81,5');
    const ruFew = renderNotification(translatorFor('ru'), 'application.scored_home', params);
    expect(ruFew.body[0]).toContain('все 2 отзыва');
  });

  it('adds the reason and the date as lines of their own', () => {
    const r = renderNotification(translatorFor('en'), 'mobility.interrupted', {
      student: { en: 'Anna' },
      home: { en: 'Tohoku University' },
      host: { en: 'Novosibirsk State University' },
      reason: 'illness',
      date: '2026-11-02',
    });
    expect(r.body).toEqual([
      'The stay of Anna (Tohoku University) at Novosibirsk State University is interrupted.',
      'Reason: illness',
      'Date: 2 November 2026',
    ]);
  });
});

describe('formats', () => {
  it('show an instant with its time of day and its zone, in each language', () => {
    expect(formatInstant('2026-12-06T03:30:00Z', 'en')).toMatch(/6 December 2026.*12:30.*GMT\+9/);
    expect(formatInstant('2026-12-06T03:30:00Z', 'ja')).toContain('2026年12月6日');
    expect(formatInstant('2026-12-06T03:30:00Z', 'ru', 'Europe/Moscow')).toMatch(
      /06:30.*GMT\+3|06:30.*MSK/,
    );
  });
});
