import { describe, expect, it } from 'vitest';
import { emptyApplication } from '../../../domain/program/application.ts';
import { cleanForSave, draftReducer, getAt, newAttachmentId, setAt } from './dossier-edit.ts';

const empty = emptyApplication('draft-1', 'mext-pilot-2003');

describe('setAt / getAt', () => {
  it('sets a nested field and copies only the objects along the path', () => {
    const next = setAt(empty, 'outline.screening.methods', { en: 'Interview' });
    expect(next.outline.screening.methods).toEqual({ en: 'Interview' });
    expect(empty.outline.screening.methods).toEqual({});
    expect(next.outline.recognition).toBe(empty.outline.recognition);
    expect(next.liaison).toBe(empty.liaison);
  });
  it('sets inside a list by index', () => {
    const withRow = draftReducer(empty, {
      type: 'add',
      path: 'outline.schedule.milestones',
      item: { when: 'April', what: {} },
    });
    const next = setAt(withRow, 'outline.schedule.milestones.0.what', { ja: '募集' });
    expect(next.outline.schedule.milestones).toEqual([{ when: 'April', what: { ja: '募集' } }]);
    expect(getAt(next, 'outline.schedule.milestones.0.when')).toBe('April');
  });
  it('leaves an optional field out when set to undefined', () => {
    const linked = setAt(empty, 'outline.agreement.registryAgreementId', 'agr-1');
    const unlinked = setAt(linked, 'outline.agreement.registryAgreementId', undefined);
    expect('registryAgreementId' in unlinked.outline.agreement).toBe(false);
  });
  it('reads nothing from a path that leads nowhere', () => {
    expect(getAt(empty, 'outline.nothing.here')).toBeUndefined();
  });
});

describe('draftReducer', () => {
  it('adds and removes rows of a list', () => {
    let s = draftReducer(empty, { type: 'add', path: 'personsInCharge', item: { n: 1 } });
    s = draftReducer(s, { type: 'add', path: 'personsInCharge', item: { n: 2 } });
    s = draftReducer(s, { type: 'add', path: 'personsInCharge', item: { n: 3 } });
    s = draftReducer(s, { type: 'remove', path: 'personsInCharge', index: 1 });
    expect(s.personsInCharge).toEqual([{ n: 1 }, { n: 3 }]);
    expect(empty.personsInCharge).toEqual([]);
  });
  it('resets to the saved content', () => {
    const saved = setAt(empty, 'title', { en: 'Saved' });
    expect(
      draftReducer(setAt(empty, 'title', { en: 'x' }), { type: 'reset', content: saved }),
    ).toBe(saved);
  });
});

describe('cleanForSave', () => {
  it('R15: drops rows of texts left empty, so that an empty row does not fill an item', () => {
    let s = setAt(empty, 'outline.significance.goals', [{ en: '' }, { en: 'Goal' }, {}]);
    s = setAt(s, 'outline.fields', [{ ja: ' ' }]);
    s = setAt(s, 'liaison.implementationFlow', [{ ja: '募集' }, { en: '' }]);
    const clean = cleanForSave(s);
    expect(clean.outline.significance.goals).toEqual([{ en: 'Goal' }]);
    expect(clean.outline.fields).toEqual([]);
    expect(clean.liaison.implementationFlow).toEqual([{ ja: '募集' }]);
  });
});

describe('newAttachmentId', () => {
  it('gives an id not used yet', () => {
    expect(newAttachmentId([])).toBe('att-1');
    expect(newAttachmentId([{ id: 'att-2' }, { id: 'x' }])).toBe('att-3');
    expect(newAttachmentId([{ id: 'att-2' }])).toBe('att-3');
  });
});
