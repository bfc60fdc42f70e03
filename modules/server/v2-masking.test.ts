import { describe, expect, it } from 'vitest';
import { maskReadAnswer, maskVariableValue, refusedValueQuery } from './v2-masking.ts';

describe('masking of process variables in /v2 answers', () => {
  it('masks a personal variable whole, and personal fields inside an object variable', () => {
    expect(maskVariableValue('nik', '"1271011203900001"', ['agent'])).toBe('"************0001"');
    expect(maskVariableValue('customerPhone', '81234567890', ['process-owner'])).toBe('"8123****890"');
    expect(
      JSON.parse(
        maskVariableValue('applicant', '{"name":"Budi","nik":"1271011203900001","key":"2251799813685249"}', [
          'agent',
        ]),
      ),
    ).toEqual({ name: 'Budi', nik: '************0001', key: '2251799813685249' });
  });

  it('leaves a 16-digit process key alone: only names decide', () => {
    expect(maskVariableValue('orderKey', '"2251799813685249"', ['agent'])).toBe('"2251799813685249"');
  });

  it('masks inside a value cut short by the search', () => {
    const cut = '{"note":"panjang…","email":"budi@example.co.id","list":[1,2';
    expect(maskVariableValue('payload', cut, ['supervisor'])).toBe(
      '{"note":"panjang…","email":"b***@example.co.id","list":[1,2',
    );
  });

  it('compliance sees variables in clear', () => {
    expect(maskVariableValue('nik', '"1271011203900001"', ['compliance'])).toBe('"1271011203900001"');
  });

  it('masks the items of a variable search answer', async () => {
    const answer = new Response(
      JSON.stringify({
        items: [{ name: 'email', value: '"budi@example.co.id"', isTruncated: false }],
        page: { totalItems: 1 },
      }),
      { headers: { 'content-type': 'application/json' } },
    );
    const masked = await (await maskReadAnswer('/v2/variables/search', answer, ['agent'])).json();
    expect(masked).toEqual({
      items: [{ name: 'email', value: '"b***@example.co.id"', isTruncated: false }],
      page: { totalItems: 1 },
    });
  });

  it('refuses value queries that could probe a masked value, and allows them on other variables', () => {
    const roles = ['supervisor'];
    expect(
      refusedValueQuery('/v2/variables/search', { filter: { value: '"1271011203900001"' } }, roles),
    ).toMatch(/filter.name/);
    expect(
      refusedValueQuery('/v2/variables/search', { filter: { name: 'nik', value: '"1"' } }, roles),
    ).toBeDefined();
    expect(
      refusedValueQuery('/v2/variables/search', { filter: { name: 'caseId', value: '"C-1"' } }, roles),
    ).toBeUndefined();
    expect(refusedValueQuery('/v2/variables/search', { sort: [{ field: 'value' }] }, roles)).toBeDefined();
    expect(
      refusedValueQuery(
        '/v2/process-instances/search',
        { filter: { variables: [{ name: 'phone', value: '"0812"' }] } },
        roles,
      ),
    ).toMatch(/phone/);
    expect(
      refusedValueQuery(
        '/v2/process-instances/search',
        { filter: { variables: [{ name: 'caseId', value: '"C-1"' }] } },
        roles,
      ),
    ).toBeUndefined();
    expect(
      refusedValueQuery('/v2/variables/search', { filter: { value: '"x"' } }, ['compliance']),
    ).toBeUndefined();
  });
});
