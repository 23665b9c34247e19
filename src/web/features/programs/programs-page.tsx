import { useTranslation } from 'react-i18next';
import { formatList, nameIn } from '../../../i18n/format.ts';
import { Link } from 'react-router';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useResource } from '../../lib/use-resource.ts';
import { listPrograms, type Program, type ProgramRules } from './api.ts';
import { CountdownView, RuleTag, useNumbers } from './components.tsx';
import { ResourceView } from '../../components/ui/resource-view.tsx';
import './programs.css';

/** A program's name in the reader's language (names), else its stored name. */
export function useProgramName(): (p: Pick<Program, 'name' | 'names'>) => string {
  const { i18n } = useTranslation();
  return (p) => nameIn(p.names, i18n.language) || p.name;
}

/** The key figures of a program (R11, R12, R10, R14, R1, R3). */
export function KeyFigures({ rules }: { rules: ProgramRules }) {
  const { t, i18n } = useTranslation();
  const { yen, num } = useNumbers();
  return (
    <dl className="facts programs-figures">
      <div className="facts-row">
        <dt>
          <RuleTag rule="R11" /> {t('programs.rules.stipend')}
        </dt>
        <dd data-testid="stipend">
          {t('programs.perMonth', { amount: yen(rules.stipend.monthlyAmount) })}
        </dd>
      </div>
      <div className="facts-row">
        <dt>
          <RuleTag rule="R12" /> {t('programs.rules.stay')}
        </dt>
        <dd>
          {t('programs.monthsRange', {
            min: num(rules.stayMonths.min),
            max: num(rules.stayMonths.max),
          })}
        </dd>
      </div>
      <div className="facts-row">
        <dt>
          <RuleTag rule="R10" /> {t('programs.rules.supportPeriod')}
        </dt>
        <dd>{t('programs.upToYears', { count: rules.supportPeriod.maxYears })}</dd>
      </div>
      <div className="facts-row">
        <dt>
          <RuleTag rule="R14" /> {t('programs.rules.annualCap')}
        </dt>
        <dd>
          {t('programs.capValue', {
            months: num(rules.annualCap.studentMonths),
            students: num(rules.annualCap.studentsAtFullLength),
          })}
        </dd>
      </div>
      <div className="facts-row">
        <dt>
          <RuleTag rule="R1" /> {t('programs.rules.minUniversities')}
        </dt>
        <dd>
          {t('programs.perSide', {
            home: rules.consortium.minHomeUniversities,
            partner: rules.consortium.minPartnerUniversities,
          })}
        </dd>
      </div>
      <div className="facts-row">
        <dt>
          <RuleTag rule="R3" /> {t('programs.rules.levels')}
        </dt>
        <dd>
          {formatList(
            rules.levels.map((l) => t(`programs.levels.${l}`)),
            i18n.language,
          )}
        </dd>
      </div>
    </dl>
  );
}

export function ProgramsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('programs.title'));
  const programs = useResource('programs', (signal) => listPrograms(signal));
  const name = useProgramName();
  const { i18n } = useTranslation();
  return (
    <>
      <div className="page-header">
        <h1>{t('programs.title')}</h1>
      </div>
      <p className="lead">{t('programs.intro')}</p>
      <ResourceView resource={programs}>
        {(programsData) => (
          <ul className="programs-list" data-testid="program-list">
            {programsData.items.map((p) => (
              <li key={p.id} className="card">
                <h2>
                  <Link to={`/programs/${encodeURIComponent(p.id)}`}>{name(p)}</Link>
                </h2>
                <p className="muted">
                  {t('programs.funder')}: {nameIn(p.funderName, i18n.language)}
                  {p.version !== null ? ` · ${t('programs.version', { version: p.version })}` : ''}
                </p>
                {p.rules ? <KeyFigures rules={p.rules} /> : <p>{t('programs.noRules')}</p>}
                {p.countdown ? <CountdownView countdown={p.countdown} /> : null}
              </li>
            ))}
          </ul>
        )}
      </ResourceView>
    </>
  );
}
