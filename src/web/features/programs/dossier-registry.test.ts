import { describe, expect, it } from 'vitest';
import { TOHOKU_JAPAN_RUSSIA } from '../../../db/seed/demo-applications.ts';
import { agreementsBetweenSides } from './dossier-registry.ts';

const agreement = (id: string, a: string, b: string) => ({
  id,
  partyA: { id: a },
  partyB: { id: b },
});

describe('agreementsBetweenSides', () => {
  it('R2: offers the agreements between the two consortia or their members, either way round', () => {
    const home = TOHOKU_JAPAN_RUSSIA.outline.consortia.home;
    const partner = TOHOKU_JAPAN_RUSSIA.outline.consortia.partner;
    const homeMember = home.members[0]?.institutionId ?? '';
    const partnerMember = partner.members[0]?.institutionId ?? '';
    const list = [
      agreement('consortia', home.consortiumId ?? '', partner.consortiumId ?? ''),
      agreement('members-reversed', partnerMember, homeMember),
      agreement('same-side', homeMember, home.consortiumId ?? ''),
      agreement('elsewhere', 'tsukuba.ac.jp', 'univ-grenoble-alpes.fr'),
    ];
    expect(agreementsBetweenSides(list, TOHOKU_JAPAN_RUSSIA).map((a) => a.id)).toEqual([
      'consortia',
      'members-reversed',
    ]);
  });
});
