import { campaignsEn } from './campaigns-en.ts';
import { campaignsId } from './campaigns-id.ts';

/** The words of the campaigns screen. */
export const campaigns = { id: campaignsId, en: campaignsEn } as const;
