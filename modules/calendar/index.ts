import type { PlatformModule } from '../server/module.ts';
import { calendarRoutes } from './routes.ts';
import { BusinessCalendar, Holidays } from './service.ts';

export {
  CONTACT_WINDOW,
  type HolidayKind,
  type HolidaySet,
  jakartaDate,
  WORKING_HOURS,
  WorkingCalendar,
} from './calendar.ts';
export { CalendarError } from './errors.ts';
export { type Actor, BusinessCalendar, type Holiday, Holidays } from './service.ts';

/**
 * calendar: the bank's business calendar. National holidays and cuti bersama (seeded for
 * 2026–2027, kept by the admin, every change audited); working-day and working-hour
 * arithmetic in Asia/Jakarta for SLA due dates (POJK 22/2023 complaint deadlines); the
 * marketing contact window. Cases and notifications use `BusinessCalendar`.
 */
export const calendarModule: PlatformModule = {
  name: 'calendar',
  migrations: new URL('./migrations/', import.meta.url),
  routes: (app, { sequelize, clock, audit }) =>
    calendarRoutes(app, {
      sequelize,
      clock,
      calendar: new BusinessCalendar(sequelize),
      holidays: new Holidays(sequelize, { clock, audit }),
    }),
};
