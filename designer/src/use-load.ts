import { useCallback, useEffect, useRef, useState } from 'react';

export interface Loaded<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  /** Loads again, keeping the current data on screen meanwhile (no flicker on refresh). */
  reload(): Promise<void>;
}

/**
 * Loads `load()` when `key` changes; a slower older answer never overwrites a newer one.
 * `pollMs` refreshes on that period while it is a number (the instance view while active).
 */
export function useLoad<T>(load: () => Promise<T>, key: string, pollMs: number | null = null): Loaded<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<unknown>();
  const [loading, setLoading] = useState(true);
  const latest = useRef(0);
  const loader = useRef(load);
  loader.current = load;

  const reload = useCallback(async () => {
    const ticket = ++latest.current;
    try {
      const value = await loader.current();
      if (ticket !== latest.current) return;
      setData(value);
      setError(undefined);
    } catch (failure) {
      if (ticket === latest.current) setError(failure);
    } finally {
      if (ticket === latest.current) setLoading(false);
    }
  }, []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: key stands for everything load reads
  useEffect(() => {
    setLoading(true);
    setData(undefined);
    void reload();
  }, [key, reload]);

  useEffect(() => {
    if (pollMs === null) return;
    let running = false;
    const timer = window.setInterval(() => {
      if (running) return;
      running = true;
      void reload().finally(() => {
        running = false;
      });
    }, pollMs);
    return () => window.clearInterval(timer);
  }, [pollMs, reload]);

  return { data, error, loading, reload };
}
