import i18next, { type Resource, type ResourceLanguage } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { admin } from './admin.ts';
import { audit } from './audit.ts';
import { builder } from './builder.ts';
import { campaigns } from './campaigns.ts';
import { cases } from './cases.ts';
import { common } from './common.ts';
import { customers } from './customers.ts';
import { dashboards } from './dashboards.ts';
import { modeler } from './modeler.ts';
import { onboarding } from './onboarding.ts';
import { operations } from './operations.ts';
import { tasks } from './tasks.ts';

export const LANGUAGES = ['id', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = 'platform.lang';

/**
 * One namespace per area of the designer, each a `{ id, en }` dictionary in its own file;
 * Bahasa Indonesia is the default and the fallback.
 */
const NAMESPACES = {
  common,
  modeler,
  operations,
  builder,
  tasks,
  cases,
  customers,
  onboarding,
  campaigns,
  dashboards,
  audit,
  admin,
} as const;

export function storedLanguage(): Language {
  const stored = localStorage.getItem(STORAGE_KEY);
  return stored === 'en' ? 'en' : 'id';
}

export async function setLanguage(language: Language): Promise<void> {
  localStorage.setItem(STORAGE_KEY, language);
  document.documentElement.lang = language;
  await i18next.changeLanguage(language);
}

export async function initI18n(): Promise<void> {
  const resources: Record<Language, ResourceLanguage> = { id: {}, en: {} };
  for (const [name, dictionary] of Object.entries(NAMESPACES)) {
    resources.id[name] = dictionary.id as unknown as ResourceLanguage[string];
    resources.en[name] = dictionary.en as unknown as ResourceLanguage[string];
  }
  document.documentElement.lang = storedLanguage();
  await i18next.use(initReactI18next).init({
    resources: resources as Resource,
    lng: storedLanguage(),
    fallbackLng: 'id',
    defaultNS: 'common',
    ns: Object.keys(NAMESPACES),
    interpolation: { escapeValue: false },
  });
}
