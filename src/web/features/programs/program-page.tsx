import { type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useSession } from '../../app/session.tsx';
import { FormattedDate } from '../../components/ui/formatted-date.tsx';
import {
  countryName,
  formatDate,
  formatList,
  formatMoney,
  formatNumber,
  nameIn,
} from '../../../i18n/format.ts';
import { languageName } from '../../../i18n/format.ts';
import { currentLanguage } from '../../i18n/i18n.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useResource } from '../../lib/use-resource.ts';
import { getProgram, type ProgramDetail, type ProgramRules, type RuleChange } from './api.ts';
import { CountdownView, Instant, RuleTag, useNumbers } from './components.tsx';
import { KeyFigures, useProgramName } from './programs-page.tsx';
import './programs.css';
import { RulesForm } from './rules-form.tsx';
import { ResourceView } from '../../components/ui/resource-view.tsx';

export function ProgramPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const program = useResource(`program|${id}`, (signal) => getProgram(id, signal));
  const name = useProgramName();
  useDocumentTitle(program.status === 'success' ? name(program.data) : t('programs.program'));
  return (
    <ResourceView resource={program}>
      {(data) => <ProgramView program={data} onSaved={program.reload} />}
    </ResourceView>
  );
}

function Row({ rule, label, children }: { rule: string; label: string; children: ReactNode }) {
  return (
    <div className="facts-row">
      <dt>
        <RuleTag rule={rule} /> {label}
      </dt>
      <dd>{children}</dd>
    </div>
  );
}

function ProgramView({ program, onSaved }: { program: ProgramDetail; onSaved: () => void }) {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const name = useProgramName();
  const rules = program.rules;
  const yesNo = (b: boolean) => (b ? t('programs.yes') : t('programs.no'));
  return (
    <>
      <nav className="breadcrumbs" aria-label={t('programs.breadcrumbs')}>
        <Link to="/programs">{t('programs.title')}</Link>
      </nav>
      <div className="page-header">
        <h1>{name(program)}</h1>
      </div>
      <p className="muted">
        {t('programs.funder')}: {nameIn(program.funderName, i18n.language)}
        {rules ? ` · ${t('programs.version', { version: rules.version })}` : ''}
        {rules?.source ? ` · ${t('programs.source')}: ${nameIn(rules.source, i18n.language)}` : ''}
      </p>
      {program.countdown ? <CountdownView countdown={program.countdown} /> : null}
      {rules ? (
        <>
          <section className="card" aria-labelledby="figures-title">
            <h2 id="figures-title">{t('programs.keyFigures')}</h2>
            <KeyFigures rules={rules} />
          </section>
          <RulesView rules={rules} yesNo={yesNo} />
          {session.status === 'signed-in' && program.may.editRules ? (
            <RulesForm key={rules.version} programId={program.id} rules={rules} onSaved={onSaved} />
          ) : null}
        </>
      ) : (
        <p>{t('programs.noRules')}</p>
      )}
      <section className="card" aria-labelledby="versions-title">
        <h2 id="versions-title">{t('programs.versions.title')}</h2>
        <div className="table-wrap">
          <table className="data-table" data-testid="versions">
            <thead>
              <tr>
                <th scope="col">{t('programs.versions.version')}</th>
                <th scope="col">{t('programs.versions.createdAt')}</th>
                <th scope="col">{t('programs.versions.createdBy')}</th>
                <th scope="col">{t('programs.versions.changes')}</th>
              </tr>
            </thead>
            <tbody>
              {program.versions.map((v) => (
                <tr key={v.version}>
                  <th scope="row">{v.version}</th>
                  <td>
                    <Instant value={v.createdAt} />
                  </td>
                  <td>
                    {v.createdByName
                      ? nameIn(v.createdByName, i18n.language)
                      : t('programs.versions.seed')}
                  </td>
                  <td>
                    {v.changes.length === 0 ? (
                      <span className="muted">{t('programs.versions.initial')}</span>
                    ) : (
                      <ul className="programs-changes">
                        {v.changes.map((c) => (
                          <ChangeLine key={c.path} change={c} />
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}

/** The label of a field of the rules, for the version history. */
const CHANGE_LABELS: Record<string, string> = {
  'stipend.monthlyAmount': 'programs.rules.stipend',
  'stayMonths.min': 'programs.edit.stayMin',
  'stayMonths.max': 'programs.edit.stayMax',
  'supportPeriod.maxYears': 'programs.edit.maxYears',
  'annualCap.studentMonths': 'programs.edit.capMonths',
  'annualCap.studentsAtFullLength': 'programs.edit.capStudents',
  'balanceTolerance.students': 'programs.edit.tolStudents',
  'balanceTolerance.studentMonths': 'programs.edit.tolMonths',
  'call.applicationDeadline': 'programs.edit.deadline',
  'call.outcomeBy': 'programs.edit.outcomeBy',
  'consortium.minHomeUniversities': 'programs.versions.fields.minHome',
  'consortium.minPartnerUniversities': 'programs.versions.fields.minPartner',
  'consortium.partnerCountries': 'programs.rules.partnerCountries',
  levels: 'programs.rules.levels',
  projectsSupported: 'programs.rules.projectsSupported',
  effectiveFrom: 'programs.edit.effectiveFrom',
};

/** One changed field of a version: its name, the value before and after, in the reader's language. */
function ChangeLine({ change }: { change: RuleChange }) {
  const { t, i18n } = useTranslation();
  const value = (v: RuleChange['from']): string => {
    if (v === null) return t('programs.none');
    if (typeof v === 'boolean') return v ? t('programs.yes') : t('programs.no');
    if (Array.isArray(v)) return v.length === 0 ? t('programs.none') : formatList(v, i18n.language);
    if (typeof v === 'number')
      return change.path === 'stipend.monthlyAmount'
        ? formatMoney(v, 'JPY', i18n.language)
        : formatNumber(v, i18n.language);
    return /^\d{4}-\d{2}-\d{2}$/.test(v) ? formatDate(v, i18n.language) : v;
  };
  const label = CHANGE_LABELS[change.path];
  return (
    <li data-path={change.path}>
      {t('programs.versions.change', {
        field: label ? t(label) : change.path,
        from: value(change.from),
        to: value(change.to),
      })}
    </li>
  );
}

function RulesView({ rules, yesNo }: { rules: ProgramRules; yesNo: (b: boolean) => string }) {
  const { t, i18n } = useTranslation();
  const { yen, num } = useNumbers();
  const list = (items: string[]) =>
    items.length === 0 ? t('programs.none') : formatList(items, i18n.language);
  const country = (code: string) => countryName(code, i18n.language);
  return (
    <div className="programs-rule-groups">
      <section className="card" aria-labelledby="g-consortium">
        <h2 id="g-consortium">{t('programs.groups.consortium')}</h2>
        <dl className="facts">
          <Row rule="R1" label={t('programs.rules.homeCountry')}>
            {country(rules.consortium.homeCountry)}
          </Row>
          <Row rule="R1" label={t('programs.rules.minUniversities')}>
            {t('programs.perSide', {
              home: rules.consortium.minHomeUniversities,
              partner: rules.consortium.minPartnerUniversities,
            })}
          </Row>
          <Row rule="R1" label={t('programs.rules.partnerCountries')}>
            {rules.consortium.partnerCountries.length === 0
              ? t('programs.anyForeign')
              : list(rules.consortium.partnerCountries.map(country))}
          </Row>
          <Row rule="R8" label={t('programs.rules.representativeRequired')}>
            {yesNo(rules.consortium.representativeRequired)}
          </Row>
          <Row rule="R3" label={t('programs.rules.levels')}>
            {list(rules.levels.map((l) => t(`programs.levels.${l}`)))}
          </Row>
          <Row rule="R9" label={t('programs.rules.dispatchedFrom')}>
            {country(rules.eligibility.dispatchedFromCountry)}
          </Row>
          <Row rule="R9" label={t('programs.rules.excludedStatuses')}>
            {list(
              rules.eligibility.excludedResidenceStatuses.map((s) =>
                t(`programs.residenceStatuses.${s}`, { defaultValue: s }),
              ),
            )}
          </Row>
        </dl>
      </section>
      <section className="card" aria-labelledby="g-money">
        <h2 id="g-money">{t('programs.groups.money')}</h2>
        <dl className="facts">
          <Row rule="R11" label={t('programs.rules.stipend')}>
            {t('programs.perMonth', { amount: yen(rules.stipend.monthlyAmount) })}
          </Row>
          <Row rule="R11" label={t('programs.rules.partialMonth')}>
            {t(`programs.partialMonth.${rules.stipend.partialMonth.kind}`)}
          </Row>
          <Row rule="R12" label={t('programs.rules.stay')}>
            {t('programs.monthsRange', {
              min: num(rules.stayMonths.min),
              max: num(rules.stayMonths.max),
            })}
          </Row>
          <Row rule="R13" label={t('programs.rules.travel')}>
            {t('programs.travelValue', {
              count: rules.travel.ticketsPerStay,
              journey: t(`programs.journey.${rules.travel.journey}`),
              cabin: t(`programs.cabin.${rules.travel.cabinClass}`),
            })}
          </Row>
          <Row rule="R13" label={t('programs.rules.travelThroughRepresentative')}>
            {yesNo(rules.travel.paidThroughRepresentative)}
          </Row>
          <Row rule="R14" label={t('programs.rules.annualCap')}>
            {t('programs.capValue', {
              months: num(rules.annualCap.studentMonths),
              students: num(rules.annualCap.studentsAtFullLength),
            })}
          </Row>
          <Row rule="R14" label={t('programs.rules.annualBudget')}>
            {yen(rules.annualCap.studentMonths * rules.stipend.monthlyAmount)}
          </Row>
          <Row rule="R14" label={t('programs.rules.projectsSupported')}>
            {num(rules.projectsSupported)}
          </Row>
          <Row rule="R4" label={t('programs.rules.tolerance')}>
            {t('programs.toleranceValue', {
              students: rules.balanceTolerance.students,
              months: rules.balanceTolerance.studentMonths,
            })}
          </Row>
        </dl>
      </section>
      <section className="card" aria-labelledby="g-requirements">
        <h2 id="g-requirements">{t('programs.groups.requirements')}</h2>
        <dl className="facts">
          <Row rule="R2" label={t('programs.rules.signedAgreement')}>
            {yesNo(rules.requirements.signedAgreement)}
          </Row>
          <Row rule="R5" label={t('programs.rules.tuitionWaiver')}>
            {yesNo(rules.requirements.tuitionWaiver)}
          </Row>
          <Row rule="R6" label={t('programs.rules.commonScreening')}>
            {yesNo(rules.requirements.commonScreening)}
          </Row>
          <Row rule="R7" label={t('programs.rules.commonRecognition')}>
            {yesNo(rules.requirements.commonRecognition)}
          </Row>
          <Row rule="R16" label={t('programs.rules.memberConsents')}>
            {yesNo(rules.requirements.memberConsents)}
          </Row>
          <Row rule="R17" label={t('programs.rules.translationLanguage')}>
            {rules.requirements.translationLanguage
              ? languageName(rules.requirements.translationLanguage, currentLanguage(i18n.language))
              : t('programs.none')}
          </Row>
          <Row rule="R15" label={t('programs.rules.paperSize')}>
            {rules.dossier.paperSize}
          </Row>
        </dl>
      </section>
      <section className="card" aria-labelledby="g-calendar">
        <h2 id="g-calendar">{t('programs.groups.calendar')}</h2>
        <dl className="facts">
          <Row rule="R10" label={t('programs.rules.supportPeriod')}>
            {t('programs.upToYears', { count: rules.supportPeriod.maxYears })}
          </Row>
          <Row rule="R10" label={t('programs.rules.mayChangeWithBudget')}>
            {yesNo(rules.supportPeriod.mayChangeWithBudget)}
          </Row>
          <Row rule="R10" label={t('programs.rules.maySuspend')}>
            {yesNo(rules.supportPeriod.maySuspend)}
          </Row>
          <Row rule="R18" label={t('programs.deadline')}>
            {t('programs.deadlineWithZone', {
              date: rules.call.applicationDeadline,
              offset: rules.call.utcOffset,
            })}
          </Row>
          <Row rule="R18" label={t('programs.outcomeBy')}>
            <FormattedDate value={rules.call.outcomeBy} />
          </Row>
          <Row rule="R19" label={t('programs.rules.safetySuspension')}>
            {yesNo(rules.safetySuspension)}
          </Row>
          <Row rule="R20" label={t('programs.rules.fiscalYearStart')}>
            {t(`programs.months.${rules.fiscalYearStartMonth}`)}
          </Row>
          <Row rule="R20" label={t('programs.rules.reporting')}>
            {rules.reporting.annual ? t('programs.reportingAnnual') : t('programs.reportingEnd')}
          </Row>
        </dl>
      </section>
    </div>
  );
}
