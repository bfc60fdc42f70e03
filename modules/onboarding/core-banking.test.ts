import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CoreBankingClient } from './core-banking.ts';
import { CoreBankingSimulator, luhnDigit } from './core-banking-simulator.ts';

describe('the core-banking adapter against the core-banking simulator', () => {
  const simulator = new CoreBankingSimulator();
  let client: CoreBankingClient;
  beforeAll(async () => {
    const url = await simulator.start();
    client = new CoreBankingClient(async () => url);
  });
  afterAll(() => simulator.stop());

  const request = (id: string, branchCode = 'MDN-KC', product = 'savings') => ({
    requestId: id,
    applicationId: id,
    customerName: 'Rina Marlina Sitorus',
    branchCode,
    product,
  });

  it('given an application, then an account number of 10 digits: branch, product, serial, Luhn check digit', async () => {
    const { accountNumber } = await client.openAccount(request('a-1'));
    expect(accountNumber).toMatch(/^1011\d{6}$/);
    expect(luhnDigit(accountNumber.slice(0, 9))).toBe(accountNumber[9]);
    expect((await client.openAccount(request('a-2', 'PMS-KC', 'current'))).accountNumber).toMatch(/^2012/);
  });

  it('given the same request id again (a retried job), then the same account, not a second one', async () => {
    const first = await client.openAccount(request('a-3'));
    const again = await client.openAccount(request('a-3'));
    expect(again.accountNumber).toBe(first.accountNumber);
  });

  it('given the simulator told to fail, then the adapter throws with the status, and recovers after', async () => {
    simulator.failNext(2);
    await expect(client.openAccount(request('a-4'))).rejects.toThrow(/core banking answered 503/);
    await expect(client.openAccount(request('a-4'))).rejects.toThrow(/503/);
    expect((await client.openAccount(request('a-4'))).accountNumber).toMatch(/^\d{10}$/);
  });

  it('given no idempotency key, then the simulator refuses the request', async () => {
    const response = await fetch(`${simulator.url}/api/v1/accounts`, { method: 'POST', body: '{}' });
    expect(response.status).toBe(400);
  });

  it('given core banking unreachable, then the adapter says where it tried', async () => {
    const down = new CoreBankingClient(async () => 'http://127.0.0.1:9');
    await expect(down.openAccount(request('a-5'))).rejects.toThrow(/cannot be reached/);
  });
});
