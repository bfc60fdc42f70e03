import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../format.ts';
import type { Loaded } from '../use-load.ts';
import type { FormProblem } from './form-errors.ts';

/** A labelled input with its hint and the server's message for that field. */
export function Field({
  label,
  name,
  problem,
  hint,
  children,
}: {
  label: string;
  name: string;
  problem?: FormProblem | undefined;
  hint?: string | undefined;
  children: ReactNode;
}) {
  const message = problem?.fields[name];
  return (
    // biome-ignore lint/a11y/noLabelWithoutControl: the input is the children, inside the label
    <label className="ad-field" data-field={name}>
      <span className="ad-label">{label}</span>
      {children}
      {hint && <small className="muted">{hint}</small>}
      {message && (
        <small className="error" role="alert" data-field-error={name}>
          {message}
        </small>
      )}
    </label>
  );
}

/** What the server refused without naming one of the form's fields. */
export function Problems({ problem }: { problem: FormProblem }) {
  if (problem.general.length === 0) return null;
  return (
    <div className="error ad-problems" role="alert" data-problems="">
      {problem.general.map((line) => (
        <p key={line}>{line}</p>
      ))}
    </div>
  );
}

/** Loading, failure and empty states of a loaded list; renders `children` when there is data. */
export function LoadState({
  loading,
  error,
  empty,
  emptyText,
  children,
}: {
  loading: boolean;
  error: unknown;
  empty: boolean;
  emptyText: string;
  children: ReactNode;
}) {
  const { t } = useTranslation('admin');
  if (error !== undefined)
    return (
      <p className="error" role="alert">
        {errorText(error, t('error'))}
      </p>
    );
  if (loading) return <p className="muted">{t('loading')}</p>;
  if (empty) return <p className="empty-note">{emptyText}</p>;
  return <>{children}</>;
}

/** The outcome of the last action, announced politely to screen readers. */
export function Notice({ text }: { text: string | null }) {
  if (!text) return null;
  return (
    <p className="ad-notice" role="status">
      {text}
    </p>
  );
}

/**
 * An admin page: its title with the page's main action beside it (usually "new …"), an
 * introduction, the outcome of the last action, then the page's content.
 */
export function AdminPage({
  id,
  title,
  action,
  intro,
  notice,
  children,
}: {
  id: string;
  title: string;
  action: ReactNode;
  intro: string;
  notice?: string | null;
  children: ReactNode;
}) {
  return (
    <section className="page ad-page" aria-labelledby={`ad-${id}-title`}>
      <header className="ad-header">
        <h1 id={`ad-${id}-title`}>{title}</h1>
        {action}
      </header>
      <p className="muted ad-intro">{intro}</p>
      {notice !== undefined && <Notice text={notice} />}
      {children}
    </section>
  );
}

/** LoadState for a loaded list: loading until the first answer, empty when it holds nothing. */
export function ListState<T>({
  list,
  emptyText,
  children,
}: {
  list: Loaded<T[]>;
  emptyText: string;
  children: ReactNode;
}) {
  return (
    <LoadState
      loading={list.loading && !list.data}
      error={list.error}
      empty={list.data?.length === 0}
      emptyText={emptyText}
    >
      {children}
    </LoadState>
  );
}
