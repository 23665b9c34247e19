import { useTranslation } from 'react-i18next';
import { languageName } from '../../../i18n/format.ts';
import { formatList, nameIn } from '../../../i18n/format.ts';
import { currentLanguage } from '../../i18n/i18n.ts';
import type { LocalizedText, ProjectApplication } from './api.ts';
import { RuleTag, Text } from './components.tsx';
import {
  Item,
  Para,
  InstitutionName,
  PersonLine,
  MembersTable,
} from './application-content-parts.tsx';

/** The application in the numbered items of 003 §6, readable. */
export function ApplicationContent({ app }: { app: ProjectApplication }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n.language);
  const o = app.outline;
  const yesNo = (b: boolean) => (b ? t('programs.yes') : t('programs.no'));
  const textList = (items: LocalizedText[]) =>
    items.length === 0 ? (
      <p className="muted">—</p>
    ) : (
      <ul>
        {items.map((x, i) => (
          <li key={i}>
            <Text value={x} />
          </li>
        ))}
      </ul>
    );
  const item = (no: number) => t(`programs.items.i${no}`);
  return (
    <section className="card programs-content" aria-labelledby="content-title">
      <h2 id="content-title">{t('programs.content.title')}</h2>

      <h3 className="programs-part">{t('programs.content.part1')}</h3>
      <Item no="1)" title={item(1)}>
        <Para label={t('programs.content.significance')} value={o.significance.significance} />
        <Para label={t('programs.content.objective')} value={o.significance.objective} />
        <p className="programs-label">{t('programs.content.goals')}</p>
        {textList(o.significance.goals)}
      </Item>
      <Item no="2)" title={item(2)} rule="R1">
        {(['home', 'partner'] as const).map((side) => (
          <div key={side}>
            <h4>
              {t(`programs.content.${side}`)}: <Text value={o.consortia[side].name} />
              {o.consortia[side].consortiumId ? ` (${o.consortia[side].consortiumId})` : ''}
            </h4>
            <MembersTable
              members={o.consortia[side].members}
              representativeId={o.consortia[side].representativeId}
            />
          </div>
        ))}
      </Item>
      <Item no="3)" title={item(3)}>
        {textList(o.fields)}
      </Item>
      <Item no="4)" title={item(4)} rule="R3">
        <p>
          {o.levels.length === 0
            ? '—'
            : o.levels.map((l) => t(`programs.levels.${l}`)).join(t('programs.listSeparator'))}
        </p>
      </Item>
      <Item no="5)" title={item(5)}>
        <p>
          {t('programs.content.languages')}:{' '}
          {o.curriculum.languages.length === 0
            ? '—'
            : formatList(
                o.curriculum.languages.map((l) => languageName(l, language)),
                i18n.language,
              )}
        </p>
        <Para label={t('programs.content.lectures')} value={o.curriculum.lectures} />
        <Para label={t('programs.content.schoolHours')} value={o.curriculum.schoolHours} />
        <Para label={t('programs.content.credits')} value={o.curriculum.credits} />
        <Para label={t('programs.content.syllabus')} value={o.curriculum.syllabus} />
      </Item>
      <Item no="6)" title={item(6)}>
        <p className="pre-wrap">
          <Text value={o.administration} />
        </p>
      </Item>
      <Item no="7)" title={item(7)} rule="R2">
        <p>
          <Text value={o.agreement.title} />
        </p>
        <p>
          {t('programs.content.signedOn')}:{' '}
          {o.agreement.signedOn ?? t('programs.content.notSigned')}
          {' · '}
          {t('programs.content.signatories')}:{' '}
          {o.agreement.signatories.length === 0
            ? '—'
            : formatList(
                o.agreement.signatories.map((id) => {
                  const m = [...o.consortia.home.members, ...o.consortia.partner.members].find(
                    (x) => x.institutionId === id,
                  );
                  return m?.name ?? { en: id };
                }),
                i18n.language,
              )}
        </p>
        <p>
          <RuleTag rule="R16" /> {t('programs.content.stipulatesScreening')}:{' '}
          {yesNo(o.agreement.stipulatesScreening)} · {t('programs.content.stipulatesRecognition')}:{' '}
          {yesNo(o.agreement.stipulatesRecognition)}
        </p>
      </Item>
      <Item no="8)" title={item(8)}>
        <p className="pre-wrap">
          <Text value={o.implementation.summary} />
        </p>
        <ul>
          {o.implementation.exchangeTypes.map((x, i) => (
            <li key={i}>
              <strong>
                <Text value={x.name} />
              </strong>
              : <Text value={x.description} />
            </li>
          ))}
        </ul>
      </Item>
      <Item no="9)" title={item(9)} rule="R6">
        <Para label={t('programs.content.qualifications')} value={o.screening.qualifications} />
        <Para label={t('programs.content.standards')} value={o.screening.standards} />
        <Para label={t('programs.content.methods')} value={o.screening.methods} />
        <p>
          {t('programs.content.commonToBothSides')}: {yesNo(o.screening.commonToBothSides)}
        </p>
      </Item>
      <Item no="10)" title={item(10)} rule="R4">
        <div className="table-wrap">
          <table className="data-table compact-table">
            <thead>
              <tr>
                <th scope="col">{t('programs.budget.year')}</th>
                <th scope="col">{t('programs.budget.fiscalYear')}</th>
                <th scope="col">{t('programs.content.outbound')}</th>
                <th scope="col">{t('programs.content.inbound')}</th>
              </tr>
            </thead>
            <tbody>
              {o.numbers.map((y) => (
                <tr key={y.year}>
                  <th scope="row">{y.year}</th>
                  <td>{y.fiscalYear ?? '—'}</td>
                  <td>
                    {t('programs.content.studentsMonths', {
                      students: y.outbound.students,
                      months: y.outbound.studentMonths,
                    })}
                  </td>
                  <td>
                    {t('programs.content.studentsMonths', {
                      students: y.inbound.students,
                      months: y.inbound.studentMonths,
                    })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Item>
      <Item no="11)" title={item(11)} rule="R12">
        <Para label={t('programs.content.recruitment')} value={o.schedule.recruitment} />
        <Para label={t('programs.content.start')} value={o.schedule.start} />
        <p>
          {t('programs.rules.stay')}:{' '}
          {t('programs.monthsRange', {
            min: o.schedule.stayMonths.min,
            max: o.schedule.stayMonths.max,
          })}
        </p>
        <ul>
          {o.schedule.milestones.map((m, i) => (
            <li key={i}>
              {m.when}: <Text value={m.what} />
            </li>
          ))}
        </ul>
      </Item>
      <Item no="12)" title={item(12)} rule="R5">
        <p>
          {t('programs.content.stipulated')}: {yesNo(o.tuitionWaiver.stipulated)}
          {' · '}
          <Text value={o.tuitionWaiver.clause} />
        </p>
      </Item>
      <Item no="13)" title={item(13)} rule="R7">
        <p className="pre-wrap">
          <Text value={o.recognition.system} />
        </p>
        <p>
          {t('programs.content.commonToAllMembers')}: {yesNo(o.recognition.commonToAllMembers)}
        </p>
      </Item>

      <h3 className="programs-part">
        {t('programs.content.part2')} <RuleTag rule="R8" />
      </h3>
      <Item no="1)" title={t('programs.content.liaisonOffice')}>
        <p>
          <InstitutionName app={app} id={app.liaison.office.institutionId} /> —{' '}
          <Text value={app.liaison.office.department} />
        </p>
        <p>
          <PersonLine app={app} person={app.liaison.office.person} />
        </p>
        <p className="programs-label">{t('programs.content.flow')}</p>
        <ol className="programs-flow">
          {app.liaison.implementationFlow.map((step, i) => (
            <li key={i}>
              <Text value={step} />
            </li>
          ))}
        </ol>
      </Item>
      <Item no="2)" title={t('programs.content.payments')}>
        <Para
          label={t('programs.content.enrolmentConfirmation')}
          value={app.liaison.enrolmentConfirmation}
        />
        <Para
          label={t('programs.content.representativeRole')}
          value={app.liaison.representativeRole}
        />
        <Para label={t('programs.content.memberRole')} value={app.liaison.memberRole} />
      </Item>
      <Item no="3)" title={t('programs.content.travelOffice')}>
        <p>
          <InstitutionName app={app} id={app.liaison.travelOffice.institutionId} /> —{' '}
          <Text value={app.liaison.travelOffice.department} />
        </p>
        <p>
          <PersonLine app={app} person={app.liaison.travelOffice.person} />
        </p>
      </Item>

      <h3 className="programs-part">{t('programs.content.part3')}</h3>
      <Item no="1)" title={t('programs.content.consultations')}>
        <ul>
          {app.plan.consultations.map((c, i) => (
            <li key={i}>
              {c.when}, <Text value={c.where} />: <Text value={c.what} />
            </li>
          ))}
        </ul>
      </Item>
      <Item no="2)" title={t('programs.content.evaluation')}>
        <Para label={t('programs.content.evaluationDuring')} value={app.plan.evaluationDuring} />
        <Para label={t('programs.content.evaluationAfter')} value={app.plan.evaluationAfter} />
      </Item>

      <h3 className="programs-part">{t('programs.content.part4')}</h3>
      <ul>
        {[...o.consortia.home.members, ...o.consortia.partner.members].map((m) => (
          <li key={m.institutionId}>
            <strong>
              <Text value={m.name} />
            </strong>
            : <Text value={m.outline} />
            {m.higherEducationNote && Object.keys(m.higherEducationNote).length > 0 ? (
              <>
                {' '}
                <span className="muted">
                  (<Text value={m.higherEducationNote} />)
                </span>
              </>
            ) : null}
          </li>
        ))}
      </ul>

      <h3 className="programs-part">{t('programs.content.part5')}</h3>
      <p>
        {t('programs.content.responsiblePerson')}:{' '}
        <PersonLine app={app} person={app.responsiblePerson} />
      </p>
      <ul>
        {app.personsInCharge.map((p, i) => (
          <li key={i}>
            <Text value={p.role} />: <PersonLine app={app} person={p} />
          </li>
        ))}
      </ul>

      <h3 className="programs-part">
        {t('programs.content.attachments')} <RuleTag rule="R16" /> <RuleTag rule="R17" />
      </h3>
      {app.attachments.length === 0 ? (
        <p className="muted">—</p>
      ) : (
        <div className="table-wrap">
          <table className="data-table compact-table">
            <thead>
              <tr>
                <th scope="col">{t('programs.attachment.kind')}</th>
                <th scope="col">{t('programs.attachment.title')}</th>
                <th scope="col">{t('programs.attachment.institution')}</th>
                <th scope="col">{t('programs.attachment.language')}</th>
              </tr>
            </thead>
            <tbody>
              {app.attachments.map((a) => (
                <tr key={a.id}>
                  <th scope="row">{t(`programs.attachmentKinds.${a.kind}`)}</th>
                  <td>
                    <Text value={a.title} />
                    {a.translationOf
                      ? ` (${t('programs.attachment.translationOf', {
                          title: nameIn(
                            app.attachments.find((x) => x.id === a.translationOf)?.title ?? {
                              en: a.translationOf,
                            },
                            i18n.language,
                          ),
                        })})`
                      : ''}
                  </td>
                  <td>
                    <InstitutionName app={app} id={a.institutionId} />
                  </td>
                  <td>{languageName(a.language, language)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
