import type BpmnModeler from 'bpmn-js/lib/Modeler';
import type Canvas from 'diagram-js/lib/core/Canvas';
import type ElementRegistry from 'diagram-js/lib/core/ElementRegistry';
import type Selection from 'diagram-js/lib/features/selection/Selection';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { LintProblem } from './api.ts';
import type { LintState } from './use-lint.ts';

/**
 * The problems of the diagram under the canvas; a click selects the element and scrolls to it,
 * and each element with a problem is marked on the canvas.
 */
export function LintPanel({ lint, modeler }: { lint: LintState; modeler: BpmnModeler | null }) {
  const { t, i18n } = useTranslation('modeler');
  const { problems } = lint;
  // Indonesian words for bpmnlint's common rules; English keeps the linter's own message.
  const messageOf = (problem: LintProblem) =>
    (i18n.language === 'id' && t(`lintRules.${problem.rule}`, { defaultValue: '' })) || problem.message;
  const errors = problems.filter((p) => p.category === 'error').length;
  const warnings = problems.length - errors;

  useEffect(() => {
    if (!modeler) return;
    const canvas = modeler.get<Canvas>('canvas');
    const registry = modeler.get<ElementRegistry>('elementRegistry');
    const marked = problems
      .filter((p) => p.id && registry.get(p.id) && registry.get(p.id) !== canvas.getRootElement())
      .map((p) => ({ id: p.id as string, marker: p.category === 'error' ? 'lint-error' : 'lint-warn' }));
    for (const { id, marker } of marked) canvas.addMarker(id, marker);
    return () => {
      for (const { id, marker } of marked) if (registry.get(id)) canvas.removeMarker(id, marker);
    };
  }, [modeler, problems]);

  const show = (problem: LintProblem) => {
    if (!modeler || !problem.id) return;
    const element = modeler.get<ElementRegistry>('elementRegistry').get(problem.id);
    if (!element) return;
    const canvas = modeler.get<Canvas>('canvas');
    modeler.get<Selection>('selection').select(element);
    if (element !== canvas.getRootElement()) canvas.scrollToElement(element);
  };

  return (
    <section className="lint-panel" aria-label={t('lint.title')}>
      <header>
        <strong>{t('lint.title')}</strong>
        <span className={`badge ${errors ? 'danger' : 'ok'}`} data-testid="lint-errors">
          {t('lint.errors', { count: errors })}
        </span>
        <span className={`badge ${warnings ? 'warn' : ''}`}>{t('lint.warnings', { count: warnings })}</span>
        {lint.checking && <span className="muted small">{t('lint.checking')}</span>}
        {lint.failed && <span className="error small">{t('lint.failed')}</span>}
      </header>
      {problems.length === 0 && !lint.checking ? (
        <p className="muted small lint-clean">{t('lint.clean')}</p>
      ) : (
        <ul>
          {problems.map((problem) => (
            <li
              key={`${problem.rule}-${problem.id ?? ''}-${problem.message}`}
              className={`lint-${problem.category}`}
            >
              <button
                type="button"
                className="lint-item"
                onClick={() => show(problem)}
                data-element={problem.id}
              >
                <span className={`badge ${problem.category === 'error' ? 'danger' : 'warn'}`}>
                  {t(`lint.${problem.category}`)}
                </span>
                <span className="lint-element">{elementLabel(modeler, problem.id)}</span>
                <span className="lint-message" title={problem.message}>
                  {messageOf(problem)}
                </span>
                <span className="muted small">{problem.rule}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function elementLabel(modeler: BpmnModeler | null, id: string | undefined): string {
  if (!id) return '—';
  const element = modeler?.get<ElementRegistry>('elementRegistry').get(id) as
    | { businessObject?: { name?: string } }
    | undefined;
  const name = element?.businessObject?.name;
  return name ? `${name} (${id})` : id;
}
