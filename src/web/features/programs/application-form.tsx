import { useCallback, useMemo, useReducer, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldIssues } from '../../api/client.ts';
import { FormErrors } from '../../components/ui/field-error.tsx';
import { useAction } from '../../components/ui/use-action.ts';
import { refusalText } from '../../lib/messages.ts';
import {
  getProgram,
  saveDraft,
  type ApplicationView,
  type Check,
  type ProjectApplication,
} from './api.ts';
import { useResource } from '../../lib/use-resource.ts';
import { draftChecks, liveChecks } from './dossier-checks.ts';
import { RuleTag } from './components.tsx';
import { cleanForSave, draftReducer, type DraftAction } from './dossier-edit.ts';
import { DossierProvider, TextField, type DossierState } from './dossier-fields.tsx';
import { OutlineSections } from './dossier-outline.tsx';
import {
  LiaisonSections,
  MemberOutlinesSection,
  PlanSection,
  PersonsSection,
} from './dossier-parts.tsx';
import { AttachmentsSection } from './dossier-attachments.tsx';
import {
  checkTarget,
  fieldId,
  focusCandidates,
  isWithin,
  refusedAt,
  sectionId,
} from './dossier-paths.ts';

/** The parts of the form in the document's order, for the table of contents. */
const PARTS: { path: string; no?: string; key: string }[] = [
  { path: 'general', key: 'programs.editor.general' },
  { path: 'outline.significance', no: '(1) 1)', key: 'programs.items.i1' },
  { path: 'outline.consortia', no: '2)', key: 'programs.items.i2' },
  { path: 'outline.fields', no: '3)', key: 'programs.items.i3' },
  { path: 'outline.levels', no: '4)', key: 'programs.items.i4' },
  { path: 'outline.curriculum', no: '5)', key: 'programs.items.i5' },
  { path: 'outline.administration', no: '6)', key: 'programs.items.i6' },
  { path: 'outline.agreement', no: '7)', key: 'programs.items.i7' },
  { path: 'outline.implementation', no: '8)', key: 'programs.items.i8' },
  { path: 'outline.screening', no: '9)', key: 'programs.items.i9' },
  { path: 'outline.numbers', no: '10)', key: 'programs.items.i10' },
  { path: 'outline.schedule', no: '11)', key: 'programs.items.i11' },
  { path: 'outline.tuitionWaiver', no: '12)', key: 'programs.items.i12' },
  { path: 'outline.recognition', no: '13)', key: 'programs.items.i13' },
  { path: 'liaison', key: 'programs.content.part2' },
  { path: 'plan', key: 'programs.content.part3' },
  { path: 'memberOutlines', key: 'programs.content.part4' },
  { path: 'personsInCharge', key: 'programs.content.part5' },
  { path: 'attachments', key: 'programs.content.attachments' },
];

/**
 * Brings the control of `path` into view and focuses it: the most precise control there is for
 * the path (or, failing that, for the part it belongs to), opening the sections around it.
 */
export function focusPath(path: string): boolean {
  for (const p of focusCandidates(path)) {
    const el = document.getElementById(fieldId(p)) ?? document.getElementById(sectionId(p));
    if (!el) continue;
    for (let d = el.closest('details'); d; d = d.parentElement?.closest('details') ?? null) {
      d.open = true;
    }
    if (el instanceof HTMLDetailsElement) el.open = true;
    const control = el.matches('input, select, textarea')
      ? el
      : el.querySelector<HTMLElement>(
          '.dossier-section-body input, .dossier-section-body select, .dossier-section-body textarea, input, select, textarea',
        );
    const target = control ?? el;
    target.scrollIntoView({ block: 'center' });
    target.focus();
    return true;
  }
  return false;
}

/** Where a 400's issue points, as a path of the content (`body.content.outline.x` → `outline.x`). */
const contentPath = (field: string) =>
  field
    .replace(/\[(\d+)\]/g, '.$1')
    .replace(/^body\./, '')
    .replace(/^content\./, '');

/**
 * The sticky summary of the refused checks, each with a link that takes the reader to the field
 * to fix; the checks without a field of the form (the deadline, R18) are listed without a link.
 */
function ChecksSummary({
  checks,
  app,
  dirty,
  live,
  busy,
}: {
  checks: readonly Check[];
  app: ProjectApplication;
  dirty: boolean;
  /** whether the checks are those of the unsaved draft, run in the browser */
  live: boolean;
  busy: boolean;
}) {
  const { t } = useTranslation();
  const refused = checks.filter((c) => !c.ok);
  return (
    <aside
      className="dossier-summary"
      aria-labelledby="dossier-summary-title"
      data-testid="dossier-summary"
    >
      <h3 id="dossier-summary-title">{t('programs.editor.summaryTitle')}</h3>
      <p role="status" aria-live="polite" data-testid="dossier-summary-status">
        {refused.length === 0
          ? t('programs.checks.allOk')
          : t('programs.checks.failed', { count: refused.length, total: checks.length })}
        {dirty ? ` ${t(live ? 'programs.editor.unsavedLive' : 'programs.editor.unsaved')}` : ''}
      </p>
      <ul className="dossier-summary-list">
        {refused.map((c, i) => {
          const target = checkTarget(c, app);
          const text = refusalText(t, c);
          return (
            <li
              key={`${c.code}-${i}`}
              data-code={c.code}
              data-rule={c.rule}
              data-target={target ?? ''}
            >
              <RuleTag rule={c.rule} />{' '}
              {target === null ? (
                text
              ) : (
                <a
                  href={`#${fieldId(target)}`}
                  onClick={(e) => {
                    e.preventDefault();
                    focusPath(target);
                  }}
                >
                  {text}
                </a>
              )}
            </li>
          );
        })}
      </ul>
      <button
        type="submit"
        className="button button-primary"
        disabled={busy}
        data-testid="save-draft"
      >
        {busy ? t('programs.saving') : t('programs.form.save')}
      </button>
    </aside>
  );
}

/**
 * The draft editor: every item of 003 §6 (R15) in collapsible sections with a table of contents,
 * the consents (R16) and translations (R17). "Save draft" PUTs the whole content; the checks come
 * back recomputed, and each control shows the refused checks that point at it.
 */
export function ApplicationForm({
  view,
  onSaved,
}: {
  view: ApplicationView;
  onSaved: (view: ApplicationView) => void;
}) {
  const { t } = useTranslation();
  const [content, dispatchRaw] = useReducer(draftReducer, view.content);
  const [dirty, setDirty] = useState(false);
  const [saved, setSaved] = useState(false);
  const { busy, error, run } = useAction();
  const dispatch = useCallback((action: DraftAction) => {
    setDirty(true);
    setSaved(false);
    dispatchRaw(action);
  }, []);
  // The program's rules, to check the unsaved draft in the browser as it is edited.
  const program = useResource(`program|${view.programId}`, (signal) =>
    getProgram(view.programId, signal),
  );
  const rules = program.status === 'success' ? program.data.rules : null;
  const local = useMemo<Check[] | null>(
    () => (rules && dirty ? draftChecks(rules, content, new Date()) : null),
    [rules, content, dirty],
  );
  const checks = useMemo(
    () => liveChecks(view.checks.results, local, dirty),
    [view.checks.results, local, dirty],
  );
  const issues = fieldIssues(error);

  const state = useMemo<DossierState>(
    () => ({
      content,
      dispatch,
      checks,
      messages: (path, exact = false) => [
        ...refusedAt(checks, content, path, exact).map((c) => refusalText(t, c)),
        ...issues
          .filter((i) => {
            const p = contentPath(i.field);
            return exact ? p === path : isWithin(p, path);
          })
          .map((i) => i.message),
      ],
    }),
    [content, dispatch, checks, issues, t],
  );

  async function save(event: FormEvent) {
    event.preventDefault();
    await run(async (csrfToken) => {
      const next = await saveDraft(view.id, cleanForSave(content), csrfToken);
      dispatchRaw({ type: 'reset', content: next.content });
      setDirty(false);
      setSaved(true);
      onSaved(next);
    });
  }

  const setAll = (open: boolean) =>
    document
      .querySelectorAll<HTMLDetailsElement>('[data-testid="draft-form"] details.dossier-section')
      .forEach((d) => {
        d.open = open;
      });

  return (
    <section className="card" aria-labelledby="draft-title">
      <h2 id="draft-title">{t('programs.form.title')}</h2>
      <p className="help">{t('programs.form.help')}</p>
      <DossierProvider value={state}>
        <form className="form dossier-form" onSubmit={save} noValidate data-testid="draft-form">
          <div className="dossier-side">
            <nav className="dossier-toc" aria-label={t('programs.editor.toc')}>
              <ol>
                {PARTS.map((part) => {
                  const count = state.messages(part.path).length;
                  return (
                    <li key={part.path}>
                      <a
                        href={`#${sectionId(part.path)}`}
                        onClick={(e) => {
                          e.preventDefault();
                          focusPath(part.path);
                        }}
                      >
                        {part.no ? `${part.no} ` : ''}
                        {t(part.key)}
                      </a>
                      {count > 0 ? (
                        <>
                          {' '}
                          <span className="badge badge-warning">
                            {t('programs.checks.failedShort', { count })}
                          </span>
                        </>
                      ) : null}
                    </li>
                  );
                })}
              </ol>
              <div className="dossier-toc-actions">
                <button type="button" className="button-link" onClick={() => setAll(true)}>
                  {t('programs.editor.expandAll')}
                </button>{' '}
                <button type="button" className="button-link" onClick={() => setAll(false)}>
                  {t('programs.editor.collapseAll')}
                </button>
              </div>
            </nav>
            <ChecksSummary
              checks={checks}
              app={content}
              dirty={dirty}
              live={local !== null}
              busy={busy}
            />
          </div>
          <div className="dossier-main">
            {issues.length > 0 || error ? <FormErrors error={error} /> : null}
            <details className="dossier-section" open id={sectionId('general')}>
              <summary>{t('programs.editor.general')}</summary>
              <div className="dossier-section-body">
                <TextField path="title" label={t('programs.form.projectTitle')} />
              </div>
            </details>
            <h3 className="programs-part">{t('programs.content.part1')}</h3>
            <OutlineSections />
            <LiaisonSections />
            <PlanSection />
            <MemberOutlinesSection />
            <PersonsSection />
            <AttachmentsSection />
            <div className="form-actions">
              <button type="submit" className="button button-primary" disabled={busy}>
                {busy ? t('programs.saving') : t('programs.form.save')}
              </button>
              <span role="status" aria-live="polite" data-testid="save-status">
                {saved ? t('programs.form.saved') : ''}
              </span>
            </div>
          </div>
        </form>
      </DossierProvider>
    </section>
  );
}
