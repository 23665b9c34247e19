import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, XAxis, YAxis } from 'recharts';
import { FormattedDate } from '../../components/ui/formatted-date.tsx';
import { TableWrap } from '../../components/ui/table-wrap.tsx';
import type { Figures, Report } from './api.ts';

type FlowRow = Figures['byPartner'][number];

/**
 * The figures of an implementation report (R20), each chart with the table of its numbers under
 * it: flows per partner, level, field and duration, money against the budget and the cap (R14),
 * recognition (R7), planned against actual (item 10), balance (R4) and advisories (R19).
 */
export function FiguresSection({
  report: r,
  num,
  name,
}: {
  report: Report;
  num: (n: number) => string;
  name: (id: string) => string;
}) {
  const { t } = useTranslation();
  const f = r.figures;
  const band = (k: string) => t(`reports.bands.${k}`, { defaultValue: k });
  const level = (k: string) => t(`reports.levels.${k}`, { defaultValue: k });
  const recognised = f.recognition.reduce((s, x) => s + x.creditsRecognised, 0);
  const planned = f.recognition.reduce((s, x) => s + x.creditsPlanned, 0);
  const percent = (rate: number | null) =>
    rate === null ? '—' : `${num(Math.round(rate * 1000) / 10)} %`;

  return (
    <>
      <h2>{t('reports.keyFigures')}</h2>
      <dl className="facts" data-testid="key-figures">
        <dt>{t('reports.sentStudents')}</dt>
        <dd>{num(f.students.sentStudents)}</dd>
        <dt>{t('reports.receivedStudents')}</dt>
        <dd>{num(f.students.receivedStudents)}</dd>
        <dt>{t('reports.sentMonths')}</dt>
        <dd>{num(f.students.sentMonths)}</dd>
        <dt>{t('reports.receivedMonths')}</dt>
        <dd>{num(f.students.receivedMonths)}</dd>
        <dt>{t('reports.scholarshipsPaid')}</dt>
        <dd>{t('reports.yen', { amount: num(f.scholarships.spentJpy) })}</dd>
        <dt>{t('reports.travelPaid')}</dt>
        <dd>{t('reports.yen', { amount: num(f.travel.spentJpy) })}</dd>
        <dt>{t('reports.recognitionRate')}</dt>
        <dd>{percent(planned > 0 ? recognised / planned : null)}</dd>
        <dt>{t('reports.eventsHeld')}</dt>
        <dd>
          {num(f.events.held)} ({t('reports.participantsN', { n: f.events.participants })})
        </dd>
      </dl>

      <h2 id="partners-heading">{t('reports.byPartner')}</h2>
      {f.byPartner.length > 0 ? (
        <div aria-hidden="true" className="chart">
          <BarChart
            accessibilityLayer={false}
            width={640}
            height={240}
            data={f.byPartner.map((b) => ({
              label: name(b.key),
              sent: b.sentStudents,
              received: b.receivedStudents,
            }))}
          >
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="label" />
            <YAxis allowDecimals={false} />
            <Legend />
            <Bar
              dataKey="sent"
              name={t('reports.sent')}
              className="balance-bar-sent"
              fill="#1f5f8b"
            />
            <Bar
              dataKey="received"
              name={t('reports.received')}
              className="balance-bar-received"
              fill="#c9772b"
            />
          </BarChart>
        </div>
      ) : null}
      <FlowTable
        caption={t('reports.byPartner')}
        first={t('reports.partner')}
        rows={f.byPartner}
        label={name}
        num={num}
      />
      <FlowTable
        caption={t('reports.byLevel')}
        first={t('reports.level')}
        rows={f.byLevel}
        label={level}
        num={num}
      />
      <FlowTable
        caption={t('reports.byField')}
        first={t('reports.field')}
        rows={f.byField}
        label={(k) => k || '—'}
        num={num}
      />
      <FlowTable
        caption={t('reports.byDuration')}
        first={t('reports.duration')}
        rows={f.byDuration}
        label={band}
        num={num}
      />

      <h2>{t('reports.money')}</h2>
      <TableWrap label={t('reports.money')}>
        <table className="data-table">
          <caption className="visually-hidden">{t('reports.money')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('reports.line')}</th>
              <th scope="col" className="numeric">
                {t('reports.spent')}
              </th>
              <th scope="col" className="numeric">
                {t('reports.budget')}
              </th>
              <th scope="col" className="numeric">
                {t('reports.remaining')}
              </th>
              <th scope="col" className="numeric">
                {t('reports.unitsPaid')}
              </th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">{t('reports.scholarships')}</th>
              <td className="numeric">{num(f.scholarships.spentJpy)}</td>
              <td className="numeric">
                {f.scholarships.budgetJpy === null ? '—' : num(f.scholarships.budgetJpy)}
              </td>
              <td className="numeric">
                {f.scholarships.remainingJpy === null ? '—' : num(f.scholarships.remainingJpy)}
              </td>
              <td className="numeric">{t('reports.monthsN', { n: num(f.scholarships.months) })}</td>
            </tr>
            <tr>
              <th scope="row">{t('reports.travel')}</th>
              <td className="numeric">{num(f.travel.spentJpy)}</td>
              <td className="numeric">—</td>
              <td className="numeric">—</td>
              <td className="numeric">{t('reports.tripsN', { n: f.travel.trips })}</td>
            </tr>
          </tbody>
        </table>
      </TableWrap>
      <p>
        {t('reports.capLine', {
          paid: num(f.cap.paid),
          cap: num(f.cap.cap),
          remaining: num(f.cap.remaining),
        })}
      </p>
      <progress
        max={f.cap.cap || 1}
        value={Math.min(f.cap.paid, f.cap.cap)}
        aria-label={t('reports.capTitle')}
      />

      <h2>{t('reports.recognition')}</h2>
      {f.recognition.length === 0 ? (
        <p className="empty">{t('reports.noRecognition')}</p>
      ) : (
        <TableWrap label={t('reports.recognition')}>
          <table className="data-table">
            <caption className="visually-hidden">{t('reports.recognition')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('reports.creditSystem')}</th>
                <th scope="col" className="numeric">
                  {t('reports.decided')}
                </th>
                <th scope="col" className="numeric">
                  {t('reports.creditsPlanned')}
                </th>
                <th scope="col" className="numeric">
                  {t('reports.creditsRecognised')}
                </th>
                <th scope="col" className="numeric">
                  {t('reports.recognitionRate')}
                </th>
              </tr>
            </thead>
            <tbody>
              {f.recognition.map((x) => (
                <tr key={x.creditSystem}>
                  <th scope="row">{x.creditSystem}</th>
                  <td className="numeric">{num(x.decided)}</td>
                  <td className="numeric">{num(x.creditsPlanned)}</td>
                  <td className="numeric">{num(x.creditsRecognised)}</td>
                  <td className="numeric">{percent(x.rate)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}

      <h2>{t('reports.plannedVsActual')}</h2>
      {f.plannedVsActual.planned === null ? <p className="muted">{t('reports.noPlan')}</p> : null}
      <TableWrap label={t('reports.plannedVsActual')}>
        <table className="data-table">
          <caption className="visually-hidden">{t('reports.plannedVsActual')}</caption>
          <thead>
            <tr>
              <th scope="col" />
              <th scope="col" className="numeric">
                {t('reports.planStudents')}
              </th>
              <th scope="col" className="numeric">
                {t('reports.actualStudents')}
              </th>
              <th scope="col" className="numeric">
                {t('reports.planMonths')}
              </th>
              <th scope="col" className="numeric">
                {t('reports.actualMonths')}
              </th>
            </tr>
          </thead>
          <tbody>
            {(['outbound', 'inbound'] as const).map((d) => (
              <tr key={d}>
                <th scope="row">{t(`reports.${d}`)}</th>
                <td className="numeric">
                  {f.plannedVsActual.planned ? num(f.plannedVsActual.planned[d].students) : '—'}
                </td>
                <td className="numeric">{num(f.plannedVsActual.actual[d].students)}</td>
                <td className="numeric">
                  {f.plannedVsActual.planned
                    ? num(f.plannedVsActual.planned[d].studentMonths)
                    : '—'}
                </td>
                <td className="numeric">{num(f.plannedVsActual.actual[d].studentMonths)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>

      <h2>{t('reports.balance')}</h2>
      <p>
        {t('reports.balanceLine', {
          sent: num(f.balance.fiscalYear.realised.sentStudents),
          received: num(f.balance.fiscalYear.realised.receivedStudents),
          sentMonths: num(f.balance.fiscalYear.realised.sentMonths),
          receivedMonths: num(f.balance.fiscalYear.realised.receivedMonths),
        })}
      </p>
      {f.balance.warnings.length > 0 ? (
        <p className="alert alert-warning">
          {t('reports.outOfBalance', { n: f.balance.warnings.length })}
        </p>
      ) : null}

      <h2>{t('reports.advisories')}</h2>
      {f.advisories.length === 0 ? (
        <p className="empty">{t('reports.noAdvisories')}</p>
      ) : (
        <ul>
          {f.advisories.map((a) => (
            <li key={a.id}>
              {t('reports.advisoryLine', {
                country: a.country,
                level: t(`reports.advisoryLevels.${a.level}`, { defaultValue: a.level }),
                days: a.days,
                stays: a.staysConcerned,
              })}{' '}
              (<FormattedDate value={a.from} /> – <FormattedDate value={a.last} />)
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function FlowTable({
  caption,
  first,
  rows,
  label,
  num,
}: {
  caption: string;
  first: string;
  rows: FlowRow[];
  label: (key: string) => string;
  num: (n: number) => string;
}) {
  const { t } = useTranslation();
  if (rows.length === 0) return null;
  return (
    <TableWrap label={caption}>
      <table className="data-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{first}</th>
            <th scope="col" className="numeric">
              {t('reports.sentStudents')}
            </th>
            <th scope="col" className="numeric">
              {t('reports.sentMonths')}
            </th>
            <th scope="col" className="numeric">
              {t('reports.receivedStudents')}
            </th>
            <th scope="col" className="numeric">
              {t('reports.receivedMonths')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((b) => (
            <tr key={b.key}>
              <th scope="row">{label(b.key)}</th>
              <td className="numeric">{num(b.sentStudents)}</td>
              <td className="numeric">{num(b.sentMonths)}</td>
              <td className="numeric">{num(b.receivedStudents)}</td>
              <td className="numeric">{num(b.receivedMonths)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
