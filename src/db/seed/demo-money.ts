/**
 * Demo money, loaded last in the demo world's transaction: the payer account of Tohoku, the
 * representative university, and bank accounts of some synthetic Tohoku → Russia mobilities (all
 * INVENTED: bank code 9999 does not exist and kana names start with ｶｸｳ, "invented"), confirmed months (R8), one paid and one draft batch, travel for a few mobilities
 * (R13), one lifted safety advisory (R19) — and, if the other demo seeds did not place one, the
 * invented Tohoku student at Novosibirsk for 6 months (600,000 JPY, SDJ ↔ OVB).
 */
import { and, eq } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { demoAgreementId, type DemoAgreementIds } from './demo-agreement-ids.ts';
import {
  bankAccounts,
  countryAdvisories,
  payerAccounts,
  enrolmentConfirmations,
  mobilities,
  paymentBatches,
  payments,
  travels,
} from '../schema.ts';
import { auditLog, projectApplications, programs } from '../schema.ts';
import { supportPeriod } from '#src/domain/program/checks.ts';
import { supportOf } from '../queries/money/context.ts';
import { parseProgramRules } from '#src/domain/program/rules.ts';
import { buildSchedule, scholarshipRulesOf, stayEndDate } from '#src/domain/scholarship/index.ts';
import { greatCircleKm } from '#src/domain/travel/geo.ts';

/**
 * The international airports nearest the demo institutions, as src/services/travel/airports.ts
 * decides them from OurAirports (coordinates from the same data; a test checks they agree).
 */
export const DEMO_AIRPORTS: Record<string, { iata: string; lat: number; lon: number }> = {
  'tohoku.ac.jp': { iata: 'SDJ', lat: 38.139702, lon: 140.917007 },
  'nsu.ru': { iata: 'OVB', lat: 55.019756, lon: 82.618675 },
  'msu.ru': { iata: 'VKO', lat: 55.5914993286, lon: 37.2615013123 },
  'dvfu.ru': { iata: 'VVO', lat: 43.396256, lon: 132.148155 },
};

const KANA_GIVEN = [
  'ﾀﾛｳ',
  'ﾊﾅｺ',
  'ｼﾞﾛｳ',
  'ﾕｷ',
  'ｻﾌﾞﾛｳ',
  'ﾐｻｷ',
  'ｹﾝﾀ',
  'ｱｵｲ',
  'ﾘｸ',
  'ﾒｲ',
  'ｿｳﾀ',
  'ﾋﾅ',
];
const KANA_FAMILY = ['ｶｸｳ', 'ｶｸｳ ﾔﾏﾀﾞ', 'ｶｸｳ ｻﾄｳ', 'ｶｸｳ ｽｽﾞｷ'];

export async function seedMoney(
  tx: Db,
  userIds: Map<string, string>,
  agreementIds: DemoAgreementIds,
): Promise<void> {
  // The project's payments run under the agreement of its support period (2014–2024).
  const agreement = { id: demoAgreementId(agreementIds, 'tohoku-jr') };
  // The account Tohoku pays from as representative university (R8): INVENTED, like every
  // account of the demo (bank 9999 does not exist; ｶｸｳ = "invented").
  await tx
    .insert(payerAccounts)
    .values({
      institutionId: 'tohoku.ac.jp',
      requesterCode: '0000012345',
      kanaName: 'ｶｸｳ ﾄｳﾎｸﾀﾞｲｶﾞｸ',
      bankCode: '9999',
      bankName: 'ｶｸｳｷﾞﾝｺｳ',
      branchCode: '001',
      branchName: 'ｾﾝﾀﾞｲ',
      accountType: 'ordinary',
      accountNumber: '1234567',
    })
    .onConflictDoNothing();
  const rep = userIds.get('rep.tohoku@demo.kakehashi.example') ?? null;
  const coordinator = userIds.get('coordinator.nsu@demo.kakehashi.example') ?? null;
  const funder = userIds.get('funder@demo.kakehashi.example') ?? null;
  const audit = (entry: {
    action: string;
    resourceType: string;
    resourceId: string;
    details: Record<string, unknown>;
    /** when it happened in the demo's history */
    at: Date;
  }) => tx.insert(auditLog).values({ ...entry, actorId: rep, requestId: 'demo-seed' });

  const [program] = await tx.select().from(programs).where(eq(programs.id, 'mext-iep-2014'));
  const [projectRow] = await tx
    .select()
    .from(projectApplications)
    .where(eq(projectApplications.id, 'tohoku-jr-2014'));
  const projectSupport = supportOf(projectRow?.support);
  if (!program?.rules || !projectSupport) return;
  const programRules = parseProgramRules(program.rules);
  const rules = scholarshipRulesOf(programRules);
  const startedOn = projectSupport.startedOn;
  const support = {
    start: startedOn,
    end: supportPeriod(programRules, startedOn, startedOn).endsOn,
  };
  // The money demo: a Tohoku student placed at Novosibirsk for 6 months.
  // (one the other demo seeds placed counts only if its stay lies in the support period, R10).
  const six = (
    await tx
      .select({ startDate: mobilities.startDate, months: mobilities.months })
      .from(mobilities)
      .where(
        and(
          eq(mobilities.agreementId, agreement.id),
          eq(mobilities.homeId, 'tohoku.ac.jp'),
          eq(mobilities.hostId, 'nsu.ru'),
          eq(mobilities.months, 6),
        ),
      )
  ).filter(
    (m) => m.startDate >= support.start && stayEndDate(m.startDate, m.months) <= support.end,
  );
  if (six.length === 0) {
    await tx.insert(mobilities).values({
      agreementId: agreement.id,
      homeId: 'tohoku.ac.jp',
      hostId: 'nsu.ru',
      studentName: 'Invented student JP-NSU (6 months)',
      level: 'master',
      startDate: '2016-04-01',
      months: 6,
      status: 'completed',
      invented: true,
    });
  }

  const project = (
    await tx.select().from(mobilities).where(eq(mobilities.agreementId, agreement.id))
  )
    .filter((m) => m.homeId === 'tohoku.ac.jp' && m.funded && m.startDate < '2018-01-01')
    .sort(
      (a, b) =>
        a.startDate.localeCompare(b.startDate) || a.studentName.localeCompare(b.studentName),
    );
  const paidBatch = { lines: [] as Row[], trips: [] as Row[] };
  const draftBatch = { lines: [] as Row[] };
  type Row = {
    mobilityId: string;
    kind: string;
    period: string;
    amountJpy: number;
    fiscalYear: number;
    studentMonths: number;
  };
  let n = 0;
  let draftTaken = false;
  for (const mobility of project) {
    const m = { mobility };
    const schedule = buildSchedule(
      {
        mobilityId: mobility.id,
        hostCountry: 'RU',
        start: mobility.startDate,
        end: stayEndDate(mobility.startDate, mobility.months),
      },
      rules,
      support,
    );
    if (!schedule.ok) continue;
    n++;
    const given = KANA_GIVEN[n % KANA_GIVEN.length]!;
    const family = KANA_FAMILY[n % KANA_FAMILY.length]!;
    await tx.insert(bankAccounts).values({
      mobilityId: m.mobility.id,
      bankCode: '9999',
      bankName: 'ｶｸｳｷﾞﾝｺｳ',
      branchCode: String(100 + (n % 5)).padStart(3, '0'),
      branchName: 'ｾﾝﾀﾞｲ',
      accountType: 'ordinary',
      accountNumber: String(1_000_000 + n * 137),
      holderKana: `${family} ${given}`,
    });
    const scheduled = schedule.schedule.lines.filter((l) => l.status === 'scheduled');
    const year = m.mobility.startDate.slice(0, 4);
    // 2015 stays: all months confirmed and paid; 2016: confirmed, the first stay's in a draft
    // batch; 2017: the first three months confirmed, not yet in a batch.
    const confirmed = year === '2017' ? scheduled.slice(0, 3) : scheduled;
    if (confirmed.length) {
      await tx.insert(enrolmentConfirmations).values(
        confirmed.map((l) => ({
          mobilityId: m.mobility.id,
          month: l.month,
          confirmedBy: coordinator,
        })),
      );
    }
    const rows = confirmed.map((l) => ({
      mobilityId: m.mobility.id,
      kind: 'stipend',
      period: l.month,
      amountJpy: l.amountJpy,
      fiscalYear: l.fiscalYear,
      studentMonths: l.months,
    }));
    if (year === '2015') paidBatch.lines.push(...rows);
    else if (year === '2016' && !draftTaken && m.mobility.hostId !== 'nsu.ru') {
      draftBatch.lines.push(...rows);
      draftTaken = true;
    }
    // Travel (R13) for the 2015 stays and the Novosibirsk one: nearest airports, a receipted fare.
    if (year === '2015' || m.mobility.hostId === 'nsu.ru') {
      const home = DEMO_AIRPORTS[mobility.homeId];
      const host = DEMO_AIRPORTS[mobility.hostId];
      if (home && host) {
        await tx.insert(travels).values({
          mobilityId: m.mobility.id,
          homeAirport: home.iata,
          hostAirport: host.iata,
          distanceKm: greatCircleKm(home, host),
          fareJpy: 98_000 + (n % 4) * 7_000,
          receiptRef: `INVENTED-RCPT-${String(n).padStart(4, '0')}`,
          status: 'receipted',
        });
        if (year === '2015') {
          paidBatch.trips.push({
            mobilityId: m.mobility.id,
            kind: 'travel',
            period: 'trip',
            amountJpy: 98_000 + (n % 4) * 7_000,
            fiscalYear: scheduled[0]?.fiscalYear ?? Number(year),
            studentMonths: 0,
          });
        }
      }
    }
  }

  const write = async (
    status: 'paid' | 'draft',
    key: string,
    items: Row[],
    dates: { transferDate: string; paidOn: string | null },
  ) => {
    if (items.length === 0) return;
    // Prepared two weeks before the transfer, not on the day the demo loads.
    const prepared = new Date(
      new Date(`${dates.transferDate}T10:00:00+09:00`).getTime() - 14 * 86_400_000,
    );
    const [batch] = await tx
      .insert(paymentBatches)
      .values({
        consortiumId: 'tohoku-jr-japan',
        status,
        idempotencyKey: key,
        transferDate: dates.transferDate,
        createdAt: prepared,
        paidOn: dates.paidOn,
        createdBy: rep,
        approvedBy: status === 'paid' ? rep : null,
      })
      .returning({ id: paymentBatches.id });
    const inserted = await tx
      .insert(payments)
      .values(items.map((i) => ({ ...i, batchId: batch!.id })))
      .returning({
        id: payments.id,
        mobilityId: payments.mobilityId,
        kind: payments.kind,
        period: payments.period,
        amountJpy: payments.amountJpy,
      });
    await audit({
      action: 'payment-batch.create',
      resourceType: 'payment-batch',
      resourceId: batch!.id,
      details: { demo: true },
      at: prepared,
    });
    for (const p of inserted) {
      await audit({
        action: 'payment.create',
        resourceType: 'payment',
        resourceId: p.id,
        details: { ...p, batchId: batch!.id },
        at: prepared,
      });
      if (status === 'paid')
        await audit({
          action: 'payment.paid',
          resourceType: 'payment',
          resourceId: p.id,
          details: { ...p, batchId: batch!.id, paidOn: dates.paidOn },
          at: new Date(`${dates.paidOn}T15:00:00+09:00`),
        });
    }
  };
  await write('paid', 'demo-paid-batch-2016-03', [...paidBatch.lines, ...paidBatch.trips], {
    transferDate: '2016-03-25',
    paidOn: '2016-03-25',
  });
  await write('draft', 'demo-draft-batch-2017-03', draftBatch.lines, {
    transferDate: '2017-03-24',
    paidOn: null,
  });

  // R19: a postponement of dispatch to Russia in winter 2016, since lifted (invented).
  await tx.insert(countryAdvisories).values({
    programId: 'mext-iep-2014',
    country: 'RU',
    level: 'postpone',
    fromDate: '2016-01-15',
    liftedOn: '2016-02-01',
    reason: 'Invented for the demo: a short postponement, since lifted.',
    createdBy: funder,
  });
}
