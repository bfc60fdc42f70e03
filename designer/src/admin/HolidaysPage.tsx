import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../format.ts';
import { href } from '../router.ts';
import { useLoad } from '../use-load.ts';
import { listHolidays, removeHoliday } from './api.ts';
import { ConfirmDialog } from './ConfirmDialog.tsx';
import { formatDay, isWeekend, jakartaToday, summarise } from './calendar-days.ts';
import { HolidayDialog } from './HolidayDialog.tsx';
import { AdminPage, ListState, Notice } from './parts.tsx';
import type { Holiday } from './types.ts';
import { WorkingDaysCalculator } from './WorkingDaysCalculator.tsx';

type Open = { kind: 'create' } | { kind: 'edit' | 'remove'; holiday: Holiday } | null;

/** A year's national holidays and cuti bersama (`#/admin/holidays/<year>`), and the day counter. */
export function HolidaysPage({ year: yearParam }: { year?: string | undefined }) {
  const { t, i18n } = useTranslation('admin');
  const today = jakartaToday();
  const thisYear = Number(today.slice(0, 4));
  const year = /^\d{4}$/.test(yearParam ?? '') ? Number(yearParam) : thisYear;
  const holidays = useLoad(() => listHolidays(year), String(year));
  const [open, setOpen] = useState<Open>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [changes, setChanges] = useState(0);
  const summary = summarise(holidays.data ?? []);
  const nameOf = (h: Holiday) => (i18n.language === 'en' ? h.nameEn : h.name);
  const changed = (text: string) => {
    setOpen(null);
    setNotice(text);
    setChanges((n) => n + 1);
    void holidays.reload();
  };
  const years = [thisYear - 1, thisYear, thisYear + 1, thisYear + 2];
  if (!years.includes(year)) years.push(year);

  return (
    <AdminPage
      id="holidays"
      title={t('holidays.title')}
      intro={t('holidays.intro')}
      action={
        <button type="button" onClick={() => setOpen({ kind: 'create' })}>
          {t('holidays.new')}
        </button>
      }
    >
      <nav className="ad-years" aria-label={t('holidays.year')}>
        {years.sort().map((y) => (
          <a
            key={y}
            href={href('admin', 'holidays', String(y))}
            aria-current={y === year ? 'page' : undefined}
          >
            {y}
          </a>
        ))}
        {holidays.data && (
          <span className="muted" data-counts="">
            {t('holidays.counts', { national: summary.national, cuti: summary.cutiBersama })}
          </span>
        )}
      </nav>
      <Notice text={notice} />
      <div className="ad-split">
        <ListState list={holidays} emptyText={t('holidays.empty', { year })}>
          <table className="ad-table" data-table="holidays">
            <thead>
              <tr>
                <th>{t('holidays.date')}</th>
                <th>{i18n.language === 'en' ? t('holidays.nameEn') : t('holidays.name')}</th>
                <th>{t('holidays.kind')}</th>
                <th>{t('holidays.updated')}</th>
                <th>
                  <span className="sr-only">{t('actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {summary.sorted.map((holiday) => (
                <tr key={holiday.date} data-date={holiday.date} data-kind={holiday.kind}>
                  <td className="ad-nowrap">
                    {formatDay(holiday.date, i18n.language)}
                    {isWeekend(holiday.date) && (
                      <span className="badge ad-inline">{t('holidays.weekend')}</span>
                    )}
                  </td>
                  <td>{nameOf(holiday)}</td>
                  <td>
                    <span className={`badge ${holiday.kind === 'national' ? 'danger' : 'warn'}`}>
                      {t(`holidays.kinds.${holiday.kind}`)}
                    </span>
                  </td>
                  <td className="muted ad-small">
                    {formatDateTime(holiday.updatedAt, i18n.language)} · {holiday.updatedBy}
                  </td>
                  <td className="ad-row-actions">
                    <button type="button" className="link" onClick={() => setOpen({ kind: 'edit', holiday })}>
                      {t('edit')}
                    </button>
                    <button
                      type="button"
                      className="link"
                      onClick={() => setOpen({ kind: 'remove', holiday })}
                    >
                      {t('holidays.remove')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ListState>
        <WorkingDaysCalculator defaultFrom={year === thisYear ? today : `${year}-01-01`} version={changes} />
      </div>
      {(open?.kind === 'create' || open?.kind === 'edit') && (
        <HolidayDialog
          holiday={open.kind === 'edit' ? open.holiday : null}
          defaultDate={year === thisYear ? today : `${year}-01-01`}
          onClose={() => setOpen(null)}
          onSaved={(saved) =>
            changed(t(open.kind === 'edit' ? 'holidays.saved' : 'holidays.created_', { name: nameOf(saved) }))
          }
        />
      )}
      {open?.kind === 'remove' && (
        <ConfirmDialog
          title={t('holidays.remove')}
          text={t('holidays.confirmRemove', {
            name: nameOf(open.holiday),
            date: formatDay(open.holiday.date, i18n.language),
          })}
          confirm={t('holidays.remove')}
          danger
          onClose={() => setOpen(null)}
          onConfirm={async () => {
            await removeHoliday(open.holiday.date);
            changed(t('holidays.removed', { name: nameOf(open.holiday) }));
          }}
        />
      )}
    </AdminPage>
  );
}
