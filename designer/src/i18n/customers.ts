import { customersEn } from './customers-en.ts';
import { customersId } from './customers-id.ts';

/** The words of the customers screen (Customer 360). */
export const customers = { id: customersId, en: customersEn } as const;
