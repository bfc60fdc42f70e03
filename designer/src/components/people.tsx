import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { get, token } from '../api';

/** One member of staff as the directory (`GET /api/users/directory`) shows them. */
export interface StaffMember {
  username: string;
  displayName: string;
  roles: string[];
  branch: string | null;
  active: boolean;
}

export interface People {
  /** Every member of staff, empty until the directory has loaded (or when it failed). */
  list: StaffMember[];
  byUsername: Map<string, StaffMember>;
  loaded: boolean;
}

const EMPTY: People = { list: [], byUsername: new Map(), loaded: false };

// One request per session, shared by every screen: the cache is kept per bearer token so a
// new login reloads it.
let cache: { token: string | null; people: People; pending: boolean } = {
  token: null,
  people: EMPTY,
  pending: false,
};
const listeners = new Set<() => void>();

function load(): void {
  const current = token.get();
  if (cache.token === current && (cache.pending || cache.people.loaded)) return;
  cache = { token: current, people: EMPTY, pending: true };
  get<{ items: StaffMember[] }>('/api/users/directory')
    .then(({ items }) => {
      if (cache.token !== current) return;
      const people = { list: items, byUsername: new Map(items.map((m) => [m.username, m])), loaded: true };
      cache = { token: current, people, pending: false };
    })
    // Names are a courtesy: without the directory, screens show usernames (tried again on next use).
    .catch(() => {
      if (cache.token === current) cache = { token: null, people: EMPTY, pending: false };
    })
    .finally(() => {
      for (const listener of listeners) listener();
    });
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  load();
  return () => listeners.delete(listener);
}

/** The staff directory, loaded once per session and shared by every screen. */
export function usePeople(): People {
  return useSyncExternalStore(subscribe, () => cache.people);
}

/** A person's display name; the username when unknown; `system` as the word for the system. */
export function useDisplayName(): (username: string | null | undefined) => string {
  const { byUsername } = usePeople();
  const { t } = useTranslation('common');
  return (username) => {
    if (!username) return '';
    if (username === 'system') return t('system');
    return byUsername.get(username)?.displayName ?? username;
  };
}

/** A person by their display name, with the username in `title` and `data-username`. */
export function Person({ username }: { username: string | null | undefined }) {
  const name = useDisplayName();
  if (!username) return null;
  return (
    <span className="person" title={username} data-username={username}>
      {name(username)}
    </span>
  );
}
