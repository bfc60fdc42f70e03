import { describe, expect, it } from 'vitest';
import { jakartaDayStart, parseDay, showDay } from '../format.ts';
import { heatLevel, heatmapLayers } from './heatmap.ts';
import { instanceMarkers } from './instance-diagram.ts';
import { NO_FILTERS, toSearchFilter, variableValueFilter } from './instance-filters.ts';
import { checkVariables } from './start-variables.ts';
import type { ElementInstance, Incident } from './types.ts';

describe('instance filters', () => {
  it('given no filters, searches everything', () => {
    expect(toSearchFilter(NO_FILTERS)).toEqual({});
  });

  it('given process, version, state, incident, days and two variables, builds the v2 filter', () => {
    const filter = toSearchFilter({
      processId: 'cases-case-handling',
      version: '2',
      state: 'ACTIVE',
      incident: 'no',
      from: '2025-03-01',
      to: '2025-03-31',
      variables: [
        { name: 'segmen', value: 'emas' },
        { name: ' jumlah ', value: '5000000' },
        { name: '', value: 'ignored' },
      ],
    });
    expect(filter).toEqual({
      processDefinitionId: 'cases-case-handling',
      processDefinitionVersion: 2,
      state: 'ACTIVE',
      hasIncident: false,
      // Jakarta is UTC+7: its 1 March begins at 17:00 UTC on 28 February.
      startDate: { $gte: '2025-02-28T17:00:00.000Z', $lt: '2025-03-31T17:00:00.000Z' },
      variables: [
        { name: 'segmen', value: '"emas"' },
        { name: 'jumlah', value: '5000000' },
      ],
    });
  });

  it('a version without a process is no filter: versions belong to one process', () => {
    expect(toSearchFilter({ ...NO_FILTERS, version: '3' })).toEqual({});
  });

  it('turns typed values into the JSON text the engine stores, with * as a wildcard', () => {
    expect(variableValueFilter('true')).toBe('true');
    expect(variableValueFilter('"emas"')).toBe('"emas"');
    expect(variableValueFilter(' { "a" : 1 } ')).toBe('{"a":1}');
    expect(variableValueFilter('Budi Santoso')).toBe('"Budi Santoso"');
    expect(variableValueFilter('MDN-*')).toEqual({ $like: '"MDN-*"' });
  });

  it('reads days as dd/mm/yyyy and refuses days that do not exist', () => {
    expect(parseDay(' 17/08/2025 ')).toBe('2025-08-17');
    expect(parseDay('1.2.2025')).toBe('2025-02-01');
    expect(parseDay('')).toBe('');
    expect(parseDay('31/02/2025')).toBeUndefined();
    expect(parseDay('2025-08-17')).toBeUndefined();
    expect(showDay('2025-08-17')).toBe('17/08/2025');
  });

  it('counts the end of a day up to the start of the next one in Jakarta', () => {
    expect(jakartaDayStart('2025-12-31', true)).toBe('2025-12-31T17:00:00.000Z');
  });
});

describe('start variables', () => {
  it('accepts one JSON object, or nothing', () => {
    expect(checkVariables('{"segmen": "emas"}')).toEqual({ variables: { segmen: 'emas' } });
    expect(checkVariables('  ')).toEqual({ variables: {} });
  });

  it('refuses broken JSON and anything but an object', () => {
    expect(checkVariables('{segmen: emas}')).toMatchObject({ problem: 'invalidJson' });
    expect(checkVariables('[1, 2]')).toEqual({ problem: 'notObject' });
    expect(checkVariables('null')).toEqual({ problem: 'notObject' });
  });
});

const element = (
  elementId: string,
  state: ElementInstance['state'],
  type = 'SERVICE_TASK',
): ElementInstance => ({
  elementInstanceKey: `${elementId}-${state}-${Math.random()}`,
  processInstanceKey: '1',
  elementId,
  elementName: elementId,
  type,
  state,
  startDate: '2025-01-01T00:00:00.000Z',
  hasIncident: false,
});

describe('instance markers', () => {
  const labels = { active: String, completed: String, incidents: String };

  it('marks where the token is, where it has been, and where it is stuck, incidents first', () => {
    const incident = { elementId: 'check', state: 'ACTIVE' } as Incident;
    const { markers, overlays } = instanceMarkers(
      [
        element('process', 'ACTIVE', 'PROCESS'),
        element('start', 'COMPLETED', 'START_EVENT'),
        element('check', 'ACTIVE'),
        element('loop', 'COMPLETED'),
        element('loop', 'COMPLETED'),
        element('review', 'ACTIVE', 'USER_TASK'),
        element('old', 'TERMINATED'),
      ],
      [incident, { elementId: 'review', state: 'RESOLVED' } as Incident],
      labels,
    );
    expect(markers).toEqual({
      start: ['op-completed'],
      check: ['op-incident'],
      loop: ['op-completed'],
      review: ['op-active'],
      old: ['op-terminated'],
    });
    expect(overlays.filter((o) => o.elementId === 'loop').map((o) => o.lines)).toEqual([['✓ 2']]);
    expect(overlays.filter((o) => o.elementId === 'check').map((o) => o.className)).toEqual([
      'op-badge op-badge-active',
      'op-badge op-badge-incident',
    ]);
  });
});

describe('heatmap', () => {
  const stats = (elementId: string, completed: number, incidents = 0) => ({
    elementId,
    active: 0,
    completed,
    incidents,
    averageDurationMs: 1000,
  });

  it('colours by volume relative to the busiest element; untouched elements stay plain', () => {
    expect(heatLevel(stats('a', 100), 100)).toBe(5);
    expect(heatLevel(stats('a', 1), 100)).toBe(1);
    expect(heatLevel(stats('a', 50), 100)).toBe(3);
    expect(heatLevel(stats('a', 0), 100)).toBe(0);
    const { markers, overlays } = heatmapLayers(
      [stats('busy', 10), stats('quiet', 0), stats('stuck', 1, 1)],
      {
        counts: (s) => `${s.completed}`,
        average: (ms) => `${ms}`,
        title: () => '',
      },
    );
    expect(markers).toEqual({ busy: ['op-heat-5'], stuck: ['op-heat-1'] });
    expect(overlays.find((o) => o.elementId === 'stuck')?.className).toContain('op-heat-box-incident');
  });
});
