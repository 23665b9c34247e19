import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../../app/session.tsx';
import { ErrorAlert } from '../../components/ui/error-alert.tsx';
import { TableWrap } from '../../components/ui/table-wrap.tsx';
import { useAction } from '../../components/ui/use-action.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { confirmImport, discardImport, previewImport, type ImportBatch } from './api.ts';

type Entry = ImportBatch['preview']['good'][number];

/** Choose a file, see what it holds (good, duplicate, broken with lines), then confirm. */
export function ImportPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('research.import.title'));
  const session = useSession();
  const action = useAction();
  const scopes = [
    ...new Set(
      (session.actor?.roles ?? [])
        .filter((r) => r.role === 'coordinator' && r.scopeType === 'institution')
        .map((r) => r.scopeId),
    ),
  ];
  const [chosen, setInstitutionId] = useState('');
  // The session may arrive after the first render: the first coordinated institution by default.
  const institutionId = chosen || scopes[0] || '';
  const [file, setFile] = useState<File | null>(null);
  const [batch, setBatch] = useState<ImportBatch | null>(null);

  const preview = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    const content = await file.text();
    await action.run(async (csrf) =>
      setBatch(await previewImport({ institutionId, fileName: file.name, content }, csrf)),
    );
  };
  const confirm = () =>
    batch && action.run(async (csrf) => setBatch(await confirmImport(batch.id, csrf)));
  const discard = () =>
    batch && action.run(async (csrf) => setBatch(await discardImport(batch.id, csrf)));

  const entries = (rows: Entry[], caption: string, note?: (e: Entry) => string) => (
    <TableWrap label={caption}>
      <table className="data-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className="numeric">
              {t('research.import.line')}
            </th>
            <th scope="col">{t('research.columns.title')}</th>
            <th scope="col" className="numeric">
              {t('research.year')}
            </th>
            <th scope="col">{t('research.columns.authors')}</th>
            {note ? <th scope="col">{t('research.import.why')}</th> : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((e) => (
            <tr key={e.line}>
              <td className="numeric" data-label={t('research.import.line')}>
                {e.line}
              </td>
              <th scope="row">{e.title}</th>
              <td className="numeric" data-label={t('research.year')}>
                {e.year}
              </td>
              <td data-label={t('research.columns.authors')}>
                {e.authors.map((a) => a.name).join(', ')}
              </td>
              {note ? <td data-label={t('research.import.why')}>{note(e)}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );

  return (
    <>
      <h1>{t('research.import.title')}</h1>
      <p className="muted">{t('research.import.intro')}</p>
      <p>
        <Link to="/publications">{t('research.backToList')}</Link>
      </p>
      {!batch || batch.status !== 'previewed' ? (
        <form onSubmit={preview}>
          <div className="field">
            <label htmlFor="import-institution">{t('research.import.institution')}</label>
            {scopes.length ? (
              <select
                id="import-institution"
                value={institutionId}
                onChange={(e) => setInstitutionId(e.target.value)}
              >
                {scopes.map((s) => (
                  <option key={s} value={s}>
                    {s}
                  </option>
                ))}
              </select>
            ) : (
              <input
                id="import-institution"
                value={institutionId}
                onChange={(e) => setInstitutionId(e.target.value)}
              />
            )}
          </div>
          <div className="field">
            <label htmlFor="import-file">{t('research.import.file')}</label>
            <input
              id="import-file"
              type="file"
              accept=".bib,.bibtex,.ris,.json,text/plain,application/json"
              aria-describedby="import-file-hint"
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            />
            <p id="import-file-hint" className="hint">
              {t('research.import.fileHint')}
            </p>
          </div>
          <button
            type="submit"
            className="button button-primary"
            data-testid="read-file"
            disabled={!file || !institutionId || action.busy}
          >
            {t('research.import.preview')}
          </button>
        </form>
      ) : null}
      {action.error ? <ErrorAlert error={action.error} /> : null}
      {batch ? (
        <section aria-labelledby="preview-heading">
          <h2 id="preview-heading">{t(`research.import.status.${batch.status}`)}</h2>
          {batch.status === 'applied' ? (
            <p role="status">{t('research.import.added', { count: batch.added })}</p>
          ) : null}
          <p>
            {t('research.import.summary', {
              good: batch.preview.good.length,
              duplicates: batch.preview.duplicates.length,
              broken: batch.preview.broken.length,
            })}
          </p>
          {batch.preview.good.length
            ? entries(batch.preview.good, t('research.import.good'))
            : null}
          {batch.preview.duplicates.length
            ? entries(
                batch.preview.duplicates.map((d) => d.entry),
                t('research.import.duplicates'),
                (e) => {
                  const d = batch.preview.duplicates.find((x) => x.entry.line === e.line)!;
                  return t(`refusals.${d.code}`, d.params as Record<string, unknown>);
                },
              )
            : null}
          {batch.preview.broken.length ? (
            <TableWrap label={t('research.import.broken')}>
              <table className="data-table" data-testid="broken-entries">
                <caption>{t('research.import.broken')}</caption>
                <thead>
                  <tr>
                    <th scope="col" className="numeric">
                      {t('research.import.line')}
                    </th>
                    <th scope="col">{t('research.columns.title')}</th>
                    <th scope="col">{t('research.import.why')}</th>
                  </tr>
                </thead>
                <tbody>
                  {batch.preview.broken.map((b) => (
                    <tr key={b.line}>
                      <th scope="row" className="numeric">
                        {t('research.import.lineN', { line: b.line })}
                      </th>
                      <td data-label={t('research.columns.title')}>{b.title ?? '—'}</td>
                      <td data-label={t('research.import.why')}>
                        {t(`refusals.${b.code}`, b.params as Record<string, unknown>)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          ) : null}
          {batch.status === 'previewed' ? (
            <p className="actions">
              <button
                type="button"
                className="button button-primary"
                data-testid="confirm-import"
                disabled={action.busy}
                onClick={() => void confirm()}
              >
                {t('research.import.confirm', { count: batch.preview.good.length })}
              </button>{' '}
              <button
                type="button"
                className="button"
                disabled={action.busy}
                onClick={() => void discard()}
              >
                {t('research.import.discard')}
              </button>
            </p>
          ) : (
            <p>
              <Link to="/publications">{t('research.import.seeList')}</Link>
            </p>
          )}
        </section>
      ) : null}
    </>
  );
}
