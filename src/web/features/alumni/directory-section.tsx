import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ResourceView } from '../../components/ui/resource-view.tsx';
import { SearchField } from '../../components/ui/search-field.tsx';
import { useResource } from '../../lib/use-resource.ts';
import { searchDirectory, type DirectoryItem } from './api.ts';
import { useText, YesNo } from './components.tsx';
import './alumni.css';

/**
 * The directory: each alumnus shows only what they consented to show to the reader, and the
 * search finds only in that.
 */
export function DirectorySection({ associationId }: { associationId: string }) {
  const { t } = useTranslation();
  const formId = useId();
  const [draft, setDraft] = useState('');
  const [q, setQ] = useState('');
  const list = useResource(`${associationId}|${q}`, (signal) =>
    searchDirectory(associationId, q, signal),
  );
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setQ(draft.trim());
  };
  return (
    <section className="card" aria-labelledby="alumni-directory">
      <h2 id="alumni-directory">{t('alumni.directory.title')}</h2>
      <p className="muted small">{t('alumni.directory.hint')}</p>
      <form role="search" aria-label={t('alumni.directory.title')} onSubmit={onSubmit}>
        <SearchField
          id={`${formId}-q`}
          label={t('alumni.directory.search')}
          button={t('actions.search')}
          value={draft}
          onChange={setDraft}
        />
      </form>
      <div aria-busy={list.status === 'loading'}>
        <ResourceView resource={list}>
          {(data) => (
            <>
              <p className="result-count" role="status">
                {t('alumni.directory.count', { count: data.total, alumni: data.alumni })}
              </p>
              {data.items.length > 0 ? (
                <ul className="alumni-directory">
                  {data.items.map((item) => (
                    <Entry key={item.id} item={item} />
                  ))}
                </ul>
              ) : null}
            </>
          )}
        </ResourceView>
      </div>
    </section>
  );
}

function Entry({ item }: { item: DirectoryItem }) {
  const { t } = useTranslation();
  const text = useText();
  const facts: [string, ReactNode][] = [];
  if (item.home) facts.push([t('alumni.fields.home'), text(item.home.name)]);
  if (item.host) facts.push([t('alumni.fields.host'), text(item.host.name)]);
  if (item.year !== undefined) facts.push([t('alumni.fields.year'), item.year]);
  if (item.fieldOfStudy) facts.push([t('alumni.fields.fieldOfStudy'), item.fieldOfStudy]);
  if (item.currentPosition) facts.push([t('alumni.fields.currentPosition'), item.currentPosition]);
  if (item.contact) facts.push([t('alumni.fields.contact'), item.contact]);
  if (item.degreeAtHost !== undefined)
    facts.push([t('alumni.fields.degreeAtHost'), <YesNo key="d" value={item.degreeAtHost} />]);
  if (item.worksInJapanRussia !== undefined)
    facts.push([
      t('alumni.fields.worksInJapanRussia'),
      <YesNo key="w" value={item.worksInJapanRussia} />,
    ]);
  if (item.outcomeNote) facts.push([t('alumni.fields.outcomeNote'), item.outcomeNote]);
  return (
    <li className="card" data-testid="alumni-entry">
      <h3>
        {item.name ?? <span className="muted">{t('alumni.directory.nameHidden')}</span>}
        {item.mine ? <span className="badge"> {t('alumni.directory.mine')}</span> : null}
      </h3>
      <p className="muted small">{t(`alumni.directions.${item.direction}`)}</p>
      {facts.length > 0 ? (
        <dl className="facts">
          {facts.map(([label, value]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      ) : null}
    </li>
  );
}
