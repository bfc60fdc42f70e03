/** What the core-banking system needs to open an account. */
export interface OpenAccountRequest {
  /** The idempotency key: the application id, so a retried job opens one account. */
  requestId: string;
  applicationId: string;
  customerName: string;
  branchCode: string;
  product: string;
}

export interface OpenedAccount {
  accountNumber: string;
  openedAt: string;
}

const TIMEOUT_MS = 10_000;

/**
 * The core-banking adapter: an HTTP client of the bank's account-opening API at
 * CORE_BANKING_URL (or the core-banking simulator's address when it is not set). A failure —
 * unreachable, timed out, any answer but 200/201 — is thrown, so the job is retried and, past
 * its retries, becomes an incident; the idempotency key makes a retry safe.
 */
export class CoreBankingClient {
  constructor(private readonly baseUrl: () => Promise<string>) {}

  async openAccount(request: OpenAccountRequest): Promise<OpenedAccount> {
    const url = `${(await this.baseUrl()).replace(/\/+$/, '')}/api/v1/accounts`;
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': request.requestId },
        body: JSON.stringify(request),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (error) {
      const cause = error instanceof Error ? error.message : String(error);
      throw new Error(`core banking at ${url} cannot be reached: ${cause}`);
    }
    const text = await response.text();
    if (response.status !== 200 && response.status !== 201)
      throw new Error(`core banking answered ${response.status}: ${text.slice(0, 200)}`);
    const body = JSON.parse(text) as Partial<OpenedAccount>;
    if (typeof body.accountNumber !== 'string' || !/^\d{6,20}$/.test(body.accountNumber))
      throw new Error('core banking answered without a valid account number');
    return { accountNumber: body.accountNumber, openedAt: body.openedAt ?? new Date().toISOString() };
  }
}
