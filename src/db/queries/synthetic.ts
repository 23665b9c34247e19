/**
 * Bulk SQL of the synthetic world (src/db/seed/synthetic.ts): what a database already holds, and
 * multi-row inserts that take a whole batch as one JSON parameter (`json_to_recordset`), so a
 * batch of thousands of rows is one statement on PGlite and on a PostgreSQL server alike.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import type { AgreementContent } from '#src/domain/agreement/agreement.ts';
import type { Names } from '../schema/registry.ts';
import type { Script } from '../seed/synthetic-names.ts';

export interface SyntheticInstitution {
  id: string;
  name: string;
  names: Names;
  country: string;
  city: string;
  /** The script of its students' names (not stored). */
  script: Script;
}

export interface SyntheticAgreement {
  id: string;
  partyAId: string;
  partyBId: string;
  status: string;
  content: AgreementContent;
  signedOn: string;
  /** How often mobilities run under it (not stored). */
  weight: number;
}

export interface SyntheticMobility {
  id: string;
  agreementId: string;
  homeId: string;
  hostId: string;
  studentName: string;
  level: string;
  iscedField: string;
  startDate: string;
  months: number;
  funded: boolean;
  status: string;
  createdAt: string;
}

const rowsOf = (result: unknown): Record<string, unknown>[] =>
  (result as { rows?: Record<string, unknown>[] }).rows ?? (result as Record<string, unknown>[]);

/** Institutions that are neither the demo world's nor invented placeholders, and synthetic ones. */
export async function worldPresence(
  db: Db,
  demoIds: readonly string[],
  syntheticDomain: string,
): Promise<{ synthetic: number; other: number }> {
  const result = await db.execute(sql`
    SELECT
      count(*) FILTER (WHERE id LIKE ${`%.${syntheticDomain}`}) AS synthetic,
      count(*) FILTER (
        WHERE id NOT LIKE ${`%.${syntheticDomain}`}
          AND NOT invented
          AND NOT (id = ANY (${`{${demoIds.map((id) => `"${id}"`).join(',')}}`}::text[]))
      ) AS other
    FROM institutions`);
  const [row] = rowsOf(result);
  return { synthetic: Number(row?.synthetic ?? 0), other: Number(row?.other ?? 0) };
}

export async function insertSyntheticInstitutions(
  db: Db,
  rows: readonly SyntheticInstitution[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += 2000) {
    const batch = rows
      .slice(i, i + 2000)
      .map(({ id, name, names, country, city }) => ({ id, name, names, country, city }));
    await db.execute(sql`
      INSERT INTO institutions (id, name, names, type, country, city, invented)
      SELECT r.id, r.name, r.names, 'university', r.country, r.city, true
      FROM json_to_recordset(${JSON.stringify(batch)}::json)
        AS r(id text, name text, names jsonb, country text, city text)`);
  }
}

export async function insertSyntheticAgreements(
  db: Db,
  rows: readonly SyntheticAgreement[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += 2000) {
    const batch = JSON.stringify(
      rows.slice(i, i + 2000).map(({ id, partyAId, partyBId, status, content, signedOn }) => ({
        id,
        a: partyAId,
        b: partyBId,
        status,
        content,
        signed_on: signedOn,
        created_at: `${signedOn}T00:00:00Z`,
      })),
    );
    await db.execute(sql`
      INSERT INTO agreements
        (id, party_a_type, party_a_id, party_b_type, party_b_id, status, current_version, invented, created_at)
      SELECT r.id, 'institution', r.a, 'institution', r.b, r.status, 1, true, r.created_at
      FROM json_to_recordset(${batch}::json)
        AS r(id uuid, a text, b text, status text, created_at timestamptz)`);
    await db.execute(sql`
      INSERT INTO agreement_versions (agreement_id, version, kind, content, change_note, created_at)
      SELECT r.id, 1, 'draft', r.content, 'synthetic data', r.created_at
      FROM json_to_recordset(${batch}::json)
        AS r(id uuid, content jsonb, created_at timestamptz)`);
    await db.execute(sql`
      INSERT INTO agreement_signatures (agreement_id, version, party, signatory, signed_on)
      SELECT r.id, 1, p.party, 'Synthetic signatory', r.signed_on
      FROM json_to_recordset(${batch}::json) AS r(id uuid, signed_on date)
      CROSS JOIN (VALUES ('A'), ('B')) AS p(party)`);
  }
}

export async function insertSyntheticMobilities(
  db: Db,
  rows: readonly SyntheticMobility[],
): Promise<void> {
  await db.execute(sql`
    INSERT INTO mobilities
      (id, agreement_id, home_id, host_id, student_name, funded, level, isced_field, start_date,
       months, status, invented, created_at)
    SELECT r."id", r."agreementId", r."homeId", r."hostId", r."studentName", r."funded", r."level",
      r."iscedField", r."startDate", r."months", r."status", true, r."createdAt"
    FROM json_to_recordset(${JSON.stringify(rows)}::json) AS r(
      "id" uuid, "agreementId" uuid, "homeId" text, "hostId" text, "studentName" text,
      "funded" boolean, "level" text, "iscedField" text, "startDate" date, "months" float8,
      "status" text, "createdAt" timestamptz)`);
}
