import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { Sequelize } from 'sequelize';
import type { Clock } from '../../engine/index.ts';
import { requires } from '../identity/middleware.ts';
import { problemResponses } from '../server/problem-schema.ts';
import { requestSource } from '../server/request-source.ts';
import { jakartaDate } from './calendar.ts';
import {
  ContactWindowAnswer,
  ContactWindowQuery,
  DateParam,
  HolidayChange,
  HolidayDto,
  HolidayList,
  HolidayQuery,
  NewHoliday,
  WorkingDaysAnswer,
  WorkingDaysQuery,
  WorkingHoursAnswer,
  WorkingHoursQuery,
} from './schema.ts';
import type { BusinessCalendar, Holiday, Holidays } from './service.ts';

const tags = ['calendar'];
const json = <T>(schema: T) => ({ 'application/json': { schema } });

const listRoute = createRoute({
  ...requires(),
  method: 'get',
  path: '/api/calendar/holidays',
  tags,
  summary: 'National holidays and cuti bersama, by date',
  request: { query: HolidayQuery },
  responses: {
    200: { description: 'The holidays', content: json(HolidayList) },
    ...problemResponses(400, 401),
  },
});

const createHolidayRoute = createRoute({
  ...requires('calendar.manage'),
  method: 'post',
  path: '/api/calendar/holidays',
  tags,
  summary: 'Add a holiday (calendar.manage)',
  request: { body: { content: json(NewHoliday), required: true } },
  responses: {
    201: { description: 'Added', content: json(HolidayDto) },
    ...problemResponses(400, 401, 403, 409),
  },
});

const updateRoute = createRoute({
  ...requires('calendar.manage'),
  method: 'put',
  path: '/api/calendar/holidays/{date}',
  tags,
  summary: "Change a holiday's names or kind (calendar.manage)",
  request: { params: DateParam, body: { content: json(HolidayChange), required: true } },
  responses: {
    200: { description: 'The holiday as it is now', content: json(HolidayDto) },
    ...problemResponses(400, 401, 403, 404),
  },
});

const deleteRoute = createRoute({
  ...requires('calendar.manage'),
  method: 'delete',
  path: '/api/calendar/holidays/{date}',
  tags,
  summary: 'Remove a holiday: the day becomes an ordinary day (calendar.manage)',
  request: { params: DateParam },
  responses: {
    204: { description: 'Removed' },
    ...problemResponses(400, 401, 403, 404),
  },
});

const workingDaysRoute = createRoute({
  ...requires(),
  method: 'get',
  path: '/api/calendar/working-days',
  tags,
  summary: 'Due instant n working days after an instant (POJK complaint deadlines)',
  description:
    'The end (23:59:59.999 WIB) of the n-th working day after the WIB day of `from`; working days are Monday–Friday except national holidays and cuti bersama.',
  request: { query: WorkingDaysQuery },
  responses: {
    200: { description: 'The due instant', content: json(WorkingDaysAnswer) },
    ...problemResponses(400, 401),
  },
});

const workingHoursRoute = createRoute({
  ...requires(),
  method: 'get',
  path: '/api/calendar/working-hours',
  tags,
  summary: 'Due instant some working hours after an instant',
  description:
    'Counts only 08:00–17:00 WIB on working days; a start outside those hours begins at the next opening.',
  request: { query: WorkingHoursQuery },
  responses: {
    200: { description: 'The due instant', content: json(WorkingHoursAnswer) },
    ...problemResponses(400, 401),
  },
});

const contactWindowRoute = createRoute({
  ...requires(),
  method: 'get',
  path: '/api/calendar/contact-window',
  tags,
  summary: 'Whether marketing may contact a customer at an instant, and when next',
  description: 'Monday–Saturday 08:00–18:00 WIB, not on national holidays (cuti bersama does not close it).',
  request: { query: ContactWindowQuery },
  responses: {
    200: { description: 'The window at that instant', content: json(ContactWindowAnswer) },
    ...problemResponses(400, 401),
  },
});

const dto = (holiday: Holiday) => ({ ...holiday, updatedAt: new Date(holiday.updatedAt).toISOString() });
const iso = (instant: number) => new Date(instant).toISOString();
const actor = (c: Context) => ({ username: c.get('principal').username, source: requestSource(c) });

export function calendarRoutes(
  app: OpenAPIHono,
  deps: { sequelize: Sequelize; clock: Clock; calendar: BusinessCalendar; holidays: Holidays },
) {
  const { calendar, holidays } = deps;

  app.openapi(listRoute, async (c) => {
    const { year } = c.req.valid('query');
    return c.json({ holidays: (await holidays.list(year)).map(dto) }, 200);
  });

  app.openapi(createHolidayRoute, async (c) => {
    const created = await holidays.create(c.req.valid('json'), actor(c));
    return c.json(dto(created), 201);
  });

  app.openapi(updateRoute, async (c) => {
    const { date } = c.req.valid('param');
    return c.json(dto(await holidays.update(date, c.req.valid('json'), actor(c))), 200);
  });

  app.openapi(deleteRoute, async (c) => {
    await holidays.remove(c.req.valid('param').date, actor(c));
    return c.body(null, 204);
  });

  app.openapi(workingDaysRoute, async (c) => {
    const { from, days } = c.req.valid('query');
    const dueAt = await calendar.addWorkingDays(Date.parse(from), days);
    return c.json({ from: iso(Date.parse(from)), days, dueAt: iso(dueAt), dueDate: jakartaDate(dueAt) }, 200);
  });

  app.openapi(workingHoursRoute, async (c) => {
    const { from, hours } = c.req.valid('query');
    const dueAt = await calendar.addWorkingHours(Date.parse(from), hours);
    return c.json({ from: iso(Date.parse(from)), hours, dueAt: iso(dueAt) }, 200);
  });

  app.openapi(contactWindowRoute, async (c) => {
    const at = Date.parse(c.req.valid('query').at);
    const window = (await calendar.snapshot()).contactWindow;
    return c.json({ at: iso(at), open: window.isOpen(at), nextOpening: iso(window.nextOpening(at)) }, 200);
  });
}
