import { describe, expect, it } from 'vitest';
import { customerScopeOf, type ScopedPrincipal } from './scope.ts';

const staff = (over: Partial<ScopedPrincipal>): ScopedPrincipal => ({
  username: 'someone',
  roles: ['agent'],
  branchCode: null,
  branchKind: null,
  ...over,
});

describe('customerScopeOf', () => {
  it('gives a relationship manager their portfolio, whatever their branch', () => {
    for (const branchKind of ['branch', 'head-office', null] as const)
      expect(
        customerScopeOf(
          staff({ username: 'rm1', roles: ['relationship-manager'], branchCode: 'MDN-KC', branchKind }),
        ),
      ).toEqual({ kind: 'portfolio', username: 'rm1' });
  });

  it('narrows an RM who also holds another role to the portfolio', () => {
    expect(customerScopeOf(staff({ username: 'x', roles: ['supervisor', 'relationship-manager'] }))).toEqual({
      kind: 'portfolio',
      username: 'x',
    });
  });

  it("gives staff of a branch that branch's customers", () => {
    expect(customerScopeOf(staff({ branchCode: 'PMS-KC', branchKind: 'branch' }))).toEqual({
      kind: 'branch',
      branchCode: 'PMS-KC',
    });
  });

  it('gives the contact centre and the head office every customer', () => {
    expect(customerScopeOf(staff({ branchCode: 'MDN-CC', branchKind: 'contact-centre' }))).toEqual({
      kind: 'all',
    });
    expect(
      customerScopeOf(staff({ roles: ['compliance'], branchCode: 'MDN-KP', branchKind: 'head-office' })),
    ).toEqual({ kind: 'all' });
  });

  it('gives staff without a branch every customer', () => {
    expect(customerScopeOf(staff({ roles: ['backoffice'] }))).toEqual({ kind: 'all' });
  });

  it('keeps a user whose branch is unknown to that branch code rather than widening to all', () => {
    expect(customerScopeOf(staff({ branchCode: 'GONE-01', branchKind: null }))).toEqual({
      kind: 'branch',
      branchCode: 'GONE-01',
    });
  });
});
