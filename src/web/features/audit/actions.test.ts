import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS } from './actions.ts';

const servicesDir = join(import.meta.dirname, '..', '..', '..', 'services');
const localesDir = join(import.meta.dirname, '..', '..', 'locales', 'features');

function serviceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? serviceFiles(join(dir, e.name))
      : e.name.endsWith('.ts') && !e.name.endsWith('.test.ts')
        ? [join(dir, e.name)]
        : [],
  );
}

describe('audit actions', () => {
  it('lists every literal action the services write', () => {
    const written = new Set<string>();
    for (const file of serviceFiles(servicesDir)) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/action:\s*'([a-z_.-]+)'/g)) written.add(m[1]!);
    }
    // `action:` also names a mobility's workflow action in one place (not an audit action).
    written.delete('issue_transcript');
    expect([...written].filter((a) => !(AUDIT_ACTIONS as readonly string[]).includes(a))).toEqual(
      [],
    );
  });

  it.each(['en', 'ja', 'ru', 'fr'])('has a label for each action in %s', (language) => {
    const file = JSON.parse(readFileSync(join(localesDir, `audit.${language}.json`), 'utf8')) as {
      audit: { actions: Record<string, Record<string, string>> };
    };
    for (const action of AUDIT_ACTIONS) {
      const [area, rest] = [
        action.slice(0, action.indexOf('.')),
        action.slice(action.indexOf('.') + 1),
      ];
      expect(file.audit.actions[area]?.[rest], `${language}: ${action}`).toBeTruthy();
    }
  });
});
