import { createContext, type ReactNode, useCallback, useContext, useEffect, useState } from 'react';
import { get, onUnauthorized, post, token } from './api.ts';

export interface Me {
  username: string;
  displayName: string;
  roles: string[];
  branchCode: string | null;
  branchKind: string | null;
}

interface Session {
  me: Me | null | undefined;
  logIn(username: string, password: string): Promise<void>;
  logOut(): Promise<void>;
  has(...roles: string[]): boolean;
}

const SessionContext = createContext<Session | undefined>(undefined);

/** Who is logged in: undefined while the stored token is checked, null when nobody. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null | undefined>(token.get() ? undefined : null);

  useEffect(() => {
    if (!token.get()) return;
    get<Me>('/api/auth/me').then(setMe, () => {
      token.set(null);
      setMe(null);
    });
  }, []);
  useEffect(
    () =>
      onUnauthorized(() => {
        token.set(null);
        setMe(null);
      }),
    [],
  );

  const logIn = useCallback(async (username: string, password: string) => {
    const answer = await post<{ token: string }>('/api/auth/login', { username, password });
    token.set(answer.token);
    setMe(await get<Me>('/api/auth/me'));
  }, []);
  const logOut = useCallback(async () => {
    await post('/api/auth/logout').catch(() => undefined);
    token.set(null);
    setMe(null);
  }, []);
  const has = useCallback((...roles: string[]) => !!me && roles.some((r) => me.roles.includes(r)), [me]);

  return <SessionContext.Provider value={{ me, logIn, logOut, has }}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}
