import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/ui/error-alert.tsx';
import { RefusalList } from '../../components/ui/refusal-list.tsx';
import { TableWrap } from '../../components/ui/table-wrap.tsx';
import { useAction } from '../../components/ui/use-action.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { confirmEwpImport, discardEwpImport, previewEwpImport, type EwpImport } from './api.ts';

type Item = EwpImport['items'][number];

/** Where an applied item now lives in our records. */
function recordLink(kind: EwpImport['kind'], item: Item): string {
  return kind === 'iias'
    ? `/agreements/${encodeURIComponent(item.recordId)}`
    : `/mobilities/${encodeURIComponent(item.recordId)}`;
}

/**
 * A partner's EWP file (agreement, mobility, learning agreement or transcript): chosen, checked
 * (safe intake, official schema), shown with what it would change, then applied or discarded.
 */
export function EwpImportPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('ewp.import.title'));
  const action = useAction();
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<EwpImport | null>(null);

  const preview = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    const content = await file.text();
    await action.run(async (csrf) =>
      setResult(await previewEwpImport({ fileName: file.name, content }, csrf)),
    );
  };
  const confirm = () =>
    result && action.run(async (csrf) => setResult(await confirmEwpImport(result.id, csrf)));
  const discard = () =>
    result && action.run(async (csrf) => setResult(await discardEwpImport(result.id, csrf)));
  const blocked = !!result && (result.blockers.length > 0 || result.unknownInstitutions.length > 0);

  return (
    <>
      <h1>{t('ewp.import.title')}</h1>
      <p className="muted">{t('ewp.import.intro')}</p>
      {!result || result.status !== 'preview' ? (
        <form onSubmit={preview}>
          <div className="field">
            <label htmlFor="ewp-file">{t('ewp.import.file')}</label>
            <input
              id="ewp-file"
              type="file"
              accept=".xml,application/xml,text/xml"
              aria-describedby="ewp-file-hint"
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            />
            <p id="ewp-file-hint" className="hint">
              {t('ewp.import.fileHint')}
            </p>
          </div>
          <button
            type="submit"
            className="button button-primary"
            data-testid="ewp-read-file"
            disabled={!file || action.busy}
          >
            {t('ewp.import.preview')}
          </button>
        </form>
      ) : null}
      {action.error ? <ErrorAlert error={action.error} /> : null}
      {result ? (
        <section aria-labelledby="ewp-preview-heading" data-testid="ewp-preview">
          <h2 id="ewp-preview-heading">{t(`ewp.import.status.${result.status}`)}</h2>
          <dl className="facts">
            <dt>{t('ewp.import.kind')}</dt>
            <dd data-testid="ewp-kind">{t(`ewp.kind.${result.kind}`)}</dd>
            {result.fileName ? (
              <>
                <dt>{t('ewp.import.fileName')}</dt>
                <dd>{result.fileName}</dd>
              </>
            ) : null}
            <dt>{t('ewp.import.schema')}</dt>
            <dd>
              {t(result.schemaChecked ? 'ewp.import.schemaValid' : 'ewp.import.schemaNotChecked')}
            </dd>
          </dl>
          {result.unknownInstitutions.length ? (
            <div className="alert alert-error" role="alert" data-testid="ewp-unknown">
              <p className="alert-title">{t('ewp.import.unknownInstitutions')}</p>
              <ul>
                {result.unknownInstitutions.map((h) => (
                  <li key={h}>
                    <code>{h}</code>
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          {result.blockers.length ? (
            <div data-testid="ewp-blockers">
              <h3>{t('ewp.import.blockers')}</h3>
              <RefusalList refusals={result.blockers} />
            </div>
          ) : null}
          {result.items.map((item) => (
            <article className="card" key={item.key} data-testid="ewp-item">
              <h3>{item.key}</h3>
              <p>
                {t(`ewp.import.effect.${item.effect}`)}
                {result.status === 'applied' ? (
                  <>
                    {' '}
                    <Link to={recordLink(result.kind, item)}>{t('ewp.import.open')}</Link>
                  </>
                ) : null}
              </p>
              {item.hashMatches !== undefined ? (
                <p>
                  {t(item.hashMatches ? 'ewp.import.hashMatches' : 'ewp.import.hashDiffers')}
                  {item.validForApproval === false ? ` ${t('ewp.import.notApprovable')}` : ''}
                </p>
              ) : null}
              {item.differences.length ? (
                <TableWrap label={t('ewp.import.differences')}>
                  <table className="data-table" data-testid="ewp-differences">
                    <caption>{t('ewp.import.differences')}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t('ewp.import.field')}</th>
                        <th scope="col">{t('ewp.import.ours')}</th>
                        <th scope="col">{t('ewp.import.theirs')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {item.differences.map((d) => (
                        <tr key={d.path}>
                          <th scope="row">
                            <code>{d.path}</code>
                          </th>
                          <td data-label={t('ewp.import.ours')}>{d.ours ?? '—'}</td>
                          <td data-label={t('ewp.import.theirs')}>{d.theirs ?? '—'}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </TableWrap>
              ) : item.effect === 'keep-partner-copy' ? (
                <p className="muted">{t('ewp.import.noDifferences')}</p>
              ) : null}
              {item.notMapped.length ? (
                <p className="muted">
                  {t('ewp.import.notMapped', { parts: item.notMapped.join(', ') })}
                </p>
              ) : null}
            </article>
          ))}
          {result.status === 'preview' ? (
            <p className="actions">
              <button
                type="button"
                className="button button-primary"
                data-testid="ewp-confirm"
                disabled={action.busy || blocked}
                onClick={() => void confirm()}
              >
                {t('ewp.import.confirm', { count: result.items.length })}
              </button>{' '}
              <button
                type="button"
                className="button"
                data-testid="ewp-discard"
                disabled={action.busy}
                onClick={() => void discard()}
              >
                {t('ewp.import.discard')}
              </button>
            </p>
          ) : (
            <p role="status" data-testid="ewp-done">
              {t(`ewp.import.done.${result.status === 'applied' ? 'applied' : 'discarded'}`)}
            </p>
          )}
        </section>
      ) : null}
    </>
  );
}
