import { useTranslation } from 'react-i18next';
import { useLoad } from '../use-load.ts';
import { policies, queues, vocabulary } from './api.ts';
import type { Named, Policy, Queue, Vocabulary } from './types.ts';

/** Both lists rarely change: loaded once per page load, shared by every screen of the console. */
let cached: Promise<{ vocabulary: Vocabulary; queues: Queue[]; policies: Policy[] }> | undefined;
function words() {
  if (!cached) {
    cached = Promise.all([vocabulary(), queues(), policies()]).then(([v, q, p]) => ({
      vocabulary: v,
      queues: q,
      policies: p,
    }));
    cached.catch(() => {
      cached = undefined;
    });
  }
  return cached;
}

/** Categories and queues by code, in the person's language (codes only if they are unknown). */
export function useCaseWords() {
  const { t, i18n } = useTranslation('cases');
  const loaded = useLoad(words, 'case-words');
  const name = (list: Named[] | undefined, code: string | null) => {
    if (!code) return '—';
    const found = list?.find((n) => n.code === code);
    return found ? (i18n.language === 'en' ? found.nameEn : found.name) : code;
  };
  return {
    vocabulary: loaded.data?.vocabulary,
    queues: loaded.data?.queues ?? [],
    error: loaded.error,
    category: (code: string | null) => name(loaded.data?.vocabulary.categories, code),
    queue: (code: string | null) => name(loaded.data?.queues, code),
    rootCause: (code: string | null) => name(loaded.data?.vocabulary.rootCauses, code),
    /** An SLA policy by its length (its name is kept in Indonesian only): "8 jam kerja". */
    policy: (code: string | null) => {
      const found = loaded.data?.policies.find((p) => p.code === code);
      return found ? t(`policy.${found.unit}`, { count: found.amount }) : (code ?? '—');
    },
  };
}
