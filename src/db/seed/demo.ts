import { count, eq } from 'drizzle-orm';
import type { Db } from '../client.ts';
import {
  programRuleVersions,
  projectApplications,
  agreementSignatures,
  agreementVersions,
  agreements,
  liaisonOffices,
  mobilities,
  consortia,
  consortiumMembers,
  groupingMembers,
  groupings,
  institutions,
  programs,
  roleAssignments,
  users,
} from '../schema.ts';
import {
  DEMO_CONSORTIA,
  DEMO_DISTRICTS,
  DEMO_INSTITUTIONS,
  DEMO_PROGRAMS,
  DEMO_USERS,
} from './demo-world.ts';
import {
  AJRU_FOUNDING,
  AJRU_NAMED,
  DEMO_AGREEMENTS,
  DEMO_LIAISON_OFFICES,
  ajruInventedMembers,
  demoMobilities,
} from './demo-exchanges.ts';
import { DEMO_PROGRAM_RULES } from './demo-programs.ts';
import { DEMO_APPLICATIONS } from './demo-applications.ts';
import { startSupport } from '#src/domain/program/checks.ts';
import { demoAgreementId, type DemoAgreementIds } from './demo-agreement-ids.ts';
import { seedCalls } from './demo-calls.ts';
import { seedMobility } from './demo-mobility.ts';
import { seedMoney } from './demo-money.ts';
import { seedAlumni } from './demo-alumni.ts';
import { seedEvents } from './demo-events.ts';
import { seedResearch } from './demo-research.ts';
import { seedPartnership } from './demo-partnership.ts';

export async function isEmpty(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(institutions);
  return Number(row?.n ?? 0) === 0;
}

/**
 * Loads the demo world in one transaction: all of it or nothing. Every demo account has the demo
 * password; `hashFor` gives each its own argon2id hash (its own salt), or a string is one hash for
 * all (tests, where hashing dozens of accounts per database would only cost time).
 */
export async function seedDemo(
  db: Db,
  hashFor: string | ((email: string) => Promise<string>),
): Promise<{ users: string[] }> {
  const passwordHash = typeof hashFor === 'string' ? hashFor : await hashFor('');
  await db.transaction(async (tx) => {
    await tx.insert(institutions).values(DEMO_INSTITUTIONS);
    await tx.insert(groupings).values(
      DEMO_DISTRICTS.map(({ members: _m, ...g }) => ({
        ...g,
        kind: 'district',
        description: 'Source document 000: tri-district higher education exchange model',
      })),
    );
    await tx
      .insert(groupingMembers)
      .values(
        DEMO_DISTRICTS.flatMap((g) =>
          g.members.map((institutionId) => ({ groupingId: g.id, institutionId })),
        ),
      );
    await tx.insert(consortia).values(DEMO_CONSORTIA.map(({ members: _m, ...c }) => c));
    await tx
      .insert(consortiumMembers)
      .values(
        DEMO_CONSORTIA.flatMap((c) =>
          c.members.map((m) => ({ consortiumId: c.id, institutionId: m.id, joinedOn: m.joinedOn })),
        ),
      );
    await tx.insert(programs).values(
      DEMO_PROGRAMS.map((p) => ({
        ...p,
        rules: DEMO_PROGRAM_RULES.find((r) => r.id === p.id) ?? null,
      })),
    );
    await tx
      .insert(programRuleVersions)
      .values(
        DEMO_PROGRAM_RULES.map((rules) => ({ programId: rules.id, version: rules.version, rules })),
      );
    const agreementIds = await seedExchanges(tx);
    const userIds = new Map<string, string>();
    for (const u of DEMO_USERS) {
      const [row] = await tx
        .insert(users)
        .values({
          email: u.email,
          displayName: u.displayName,
          language: u.language,
          names: u.names,
          passwordHash,
          invented: true,
          platformAdmin: u.platformAdmin ?? false,
        })
        .returning({ id: users.id });
      if (!row) throw new Error(`could not create ${u.email}`);
      userIds.set(u.email, row.id);
      if (u.roles.length) {
        await tx.insert(roleAssignments).values(
          u.roles.map((r) => ({
            userId: row.id,
            role: r.role,
            scopeType: r.scopeType,
            scopeId: r.scopeId === 'self' ? row.id : r.scopeId,
          })),
        );
      }
    }
    await seedApplications(tx, userIds, agreementIds);
    await seedCalls(tx, userIds, agreementIds);
    await seedMobility(tx, userIds, agreementIds);
    await seedMoney(tx, userIds, agreementIds);
    await seedAlumni(tx, passwordHash);
    await seedEvents(tx, userIds);
    await seedResearch(tx);
    await seedPartnership(tx);
    if (typeof hashFor !== 'string') {
      for (const u of await tx.select({ id: users.id, email: users.email }).from(users)) {
        await tx
          .update(users)
          .set({ passwordHash: await hashFor(u.email) })
          .where(eq(users.id, u.id));
      }
    }
  });
  return { users: DEMO_USERS.map((u) => u.email) };
}

/** Noon in Japan on a date: when a dated demo record was made. */
const noonInJapan = (date: string) => new Date(`${date}T12:00:00+09:00`);
const daysBefore = (at: Date, days: number) => new Date(at.getTime() - days * 86_400_000);

async function seedExchanges(tx: Db): Promise<DemoAgreementIds> {
  const members = ajruInventedMembers();
  await tx.insert(institutions).values(members.map(({ joinedOn: _j, ...p }) => p));
  await tx.insert(consortiumMembers).values([
    ...[...AJRU_NAMED.JP, ...AJRU_NAMED.RU].map((institutionId) => ({
      consortiumId: 'ajru',
      institutionId,
      joinedOn: AJRU_FOUNDING,
    })),
    ...members.map((p) => ({
      consortiumId: 'ajru',
      institutionId: p.id,
      joinedOn: p.joinedOn,
    })),
  ]);
  await tx.insert(liaisonOffices).values(DEMO_LIAISON_OFFICES);
  const ids = new Map<string, string>();
  for (const a of DEMO_AGREEMENTS) {
    // Dated as the record would be: drafted before the first signature, not on the day the demo loads.
    const firstSigned = a.signatures.map((s) => s.signedOn).sort()[0] ?? a.content.validFrom;
    const drafted = daysBefore(noonInJapan(firstSigned), 30);
    const [row] = await tx
      .insert(agreements)
      .values({
        partyAType: a.partyA.type,
        partyAId: a.partyA.id,
        partyBType: a.partyB.type,
        partyBId: a.partyB.id,
        programId: a.programId,
        // What the signatures and dates make of it; views recompute it for their day (statusOn).
        status: a.status,
        invented: a.invented,
        createdAt: drafted,
      })
      .returning({ id: agreements.id });
    if (!row) throw new Error(`could not create agreement ${a.key}`);
    ids.set(a.key, row.id);
    await tx.insert(agreementVersions).values({
      agreementId: row.id,
      version: 1,
      kind: 'draft',
      content: a.content,
      changeNote: 'demo data',
      createdAt: drafted,
    });
    await tx
      .insert(agreementSignatures)
      .values(a.signatures.map((s) => ({ agreementId: row.id, version: 1, ...s })));
  }
  await tx.insert(mobilities).values(
    demoMobilities().map(({ agreementKey, ...m }) => ({
      ...m,
      agreementId: demoAgreementId(ids, agreementKey),
      invented: true,
      createdAt: daysBefore(noonInJapan(m.startDate), 150), // nominated in the spring before
    })),
  );
  return ids;
}

/**
 * Tohoku's selected project (source document 000), owned by the demo representative officer of its
 * Japanese consortium, and the invented draft that fails R1, owned by the invented Sea of Japan rim
 * consortium's officer.
 */
async function seedApplications(
  tx: Db,
  userIds: Map<string, string>,
  agreementIds: DemoAgreementIds,
): Promise<void> {
  for (const original of DEMO_APPLICATIONS) {
    const draft = original.status === 'draft';
    const rep =
      userIds.get(
        draft ? 'rep.hokudai@demo.kakehashi.example' : 'rep.tohoku@demo.kakehashi.example',
      ) ?? null;
    const home = { ...original.outline.consortia.home };
    if (draft) home.consortiumId = 'sea-of-japan-rim-jp';
    // Tohoku's project attaches the agreement of the registry (R2); the invented draft only
    // declares one, which its checks refuse.
    const agreement = draft
      ? original.outline.agreement
      : {
          ...original.outline.agreement,
          registryAgreementId: demoAgreementId(agreementIds, 'tohoku-jr'),
        };
    const app = {
      ...original,
      outline: {
        ...original.outline,
        agreement,
        consortia: { ...original.outline.consortia, home },
      },
    };
    const content = {
      ...app,
      responsiblePerson: { ...app.responsiblePerson, userId: rep ?? undefined },
    };
    await tx.insert(projectApplications).values({
      id: app.id,
      programId: app.programId,
      status: app.status,
      homeConsortiumId: app.outline.consortia.home.consortiumId ?? null,
      partnerConsortiumId: app.outline.consortia.partner.consortiumId ?? null,
      representativeId: app.outline.consortia.home.representativeId || null,
      responsibleUserId: rep,
      content,
      submittedAt: app.submittedAt ? new Date(app.submittedAt) : null,
      outcome: app.status === 'selected' ? 'selected' : null,
      outcomeOn: app.status === 'selected' ? '2014-08-29' : null,
      support:
        app.status === 'selected'
          ? startSupport('2014-10-01', {
              by: userIds.get('funder@demo.kakehashi.example'),
              recordedAt: '2014-08-29T06:00:00.000Z',
            })
          : null,
      invented: app.invented ?? false,
    });
  }
}
