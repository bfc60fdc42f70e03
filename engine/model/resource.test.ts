import { describe, expect, it } from 'vitest';
import { resourceKind } from './resource.ts';
import { parseValue } from './value.ts';

describe('resourceKind', () => {
  it.each([
    ['cases-review.bpmn', 'bpmn'],
    ['legacy/process.xml', 'bpmn'],
    ['routing.dmn', 'dmn'],
    ['case-review.form', 'form'],
    ['notes.txt', undefined],
    ['Case.BPMN', undefined],
    ['bpmn', undefined],
  ])('given %s, says %s (suffixes as Zeebe matches them)', (name, kind) => {
    expect(resourceKind(name)).toBe(kind);
  });
});

describe('parseValue', () => {
  it.each([
    ['=a + b', { kind: 'expression', source: 'a + b' }],
    ['= a', { kind: 'expression', source: ' a' }],
    ['plain', { kind: 'static', value: 'plain' }],
    ['=', { kind: 'static', value: '=' }],
    [' =a', { kind: 'static', value: ' =a' }],
    ['', { kind: 'static', value: '' }],
  ])('given %j, reads it as Zeebe does', (raw, value) => {
    expect(parseValue(raw)).toEqual(value);
  });
});
