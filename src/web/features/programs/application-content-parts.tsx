/** The pieces of an application's content: numbered items, paragraphs, people and the members table. */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { countryName } from '../../../i18n/format.ts';
import type { LocalizedText, Member, ProjectApplication } from './api.ts';
import { RuleTag, Text } from './components.tsx';

export type Person = ProjectApplication['responsiblePerson'];

/** One numbered item of 003 §6, e.g. "(1) 2) Representative university and member universities". */
export function Item({
  no,
  title,
  rule,
  children,
}: {
  no: string;
  title: string;
  rule?: string;
  children: ReactNode;
}) {
  return (
    <section className="programs-item" aria-label={`${no} ${title}`}>
      <h3>
        <span className="programs-item-no">{no}</span> {title}{' '}
        {rule ? <RuleTag rule={rule} /> : null}
      </h3>
      {children}
    </section>
  );
}

export function Para({ label, value }: { label: string; value: LocalizedText | undefined }) {
  return (
    <div className="programs-para">
      <p className="programs-label">{label}</p>
      <p className="pre-wrap">
        <Text value={value} />
      </p>
    </div>
  );
}

/** An institution of the application by its name (members carry their names in every language). */
export function InstitutionName({ app, id }: { app: ProjectApplication; id: string | undefined }) {
  if (!id) return <>—</>;
  const m = [...app.outline.consortia.home.members, ...app.outline.consortia.partner.members].find(
    (x) => x.institutionId === id,
  );
  return <Text value={m?.name} fallback={id} />;
}

export function PersonLine({
  app,
  person,
}: {
  app: ProjectApplication;
  person: Omit<Person, 'institutionId'> & { institutionId?: string };
}) {
  return (
    <>
      <Text value={person.name} /> — <Text value={person.position} />
      {person.department ? (
        <>
          , <Text value={person.department} />
        </>
      ) : null}
      {person.institutionId ? (
        <>
          {' ('}
          <InstitutionName app={app} id={person.institutionId} />)
        </>
      ) : null}
      {person.email ? ` · ${person.email}` : null}
    </>
  );
}

export function MembersTable({
  members,
  representativeId,
}: {
  members: Member[];
  representativeId: string;
}) {
  const { t, i18n } = useTranslation();
  return (
    <div className="table-wrap">
      <table className="data-table compact-table">
        <thead>
          <tr>
            <th scope="col">{t('programs.member.name')}</th>
            <th scope="col">{t('programs.member.country')}</th>
            <th scope="col">{t('programs.member.kind')}</th>
            <th scope="col">{t('programs.member.departments')}</th>
          </tr>
        </thead>
        <tbody>
          {members.map((m) => (
            <tr key={m.institutionId}>
              <th scope="row">
                <Text value={m.name} />
                {m.institutionId === representativeId ? (
                  <>
                    {' '}
                    <span className="badge badge-accent">
                      {t('programs.member.representative')}
                    </span>
                  </>
                ) : null}
                {m.district ? (
                  <span className="muted">
                    {' '}
                    (<Text value={m.district} />)
                  </span>
                ) : null}
              </th>
              <td>
                {countryName(m.country, i18n.language)}
                {m.city ? (
                  <>
                    , <Text value={m.city} />
                  </>
                ) : null}
              </td>
              <td>{t(`programs.kinds.${m.kind}`)}</td>
              <td>
                {m.departments.length === 0 ? (
                  '—'
                ) : (
                  <ul className="programs-plain-list">
                    {m.departments.map((d, i) => (
                      <li key={i}>
                        <Text value={d.name} />
                        {d.levels.length > 0
                          ? ` (${d.levels.map((l) => t(`programs.levels.${l}`)).join(', ')})`
                          : ''}
                      </li>
                    ))}
                  </ul>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
