/**
 * The explorer's recent queries, newest first, kept in localStorage: bounded (the oldest fall off),
 * deduplicated (running a query again moves it to the top instead of adding a copy; queries that
 * differ only in surrounding blanks are the same). A missing, full or corrupt store never breaks
 * the page: reading falls back to an empty list and a failed write is dropped.
 */

/** The part of the Web Storage API used here, so tests pass their own store. */
export type HistoryStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export interface QueryHistory {
  list(): string[];
  /** Records a query that ran; returns the new list. */
  add(query: string): string[];
  clear(): void;
}

export const HISTORY_KEY = 'nova.explorer.history';
export const HISTORY_LIMIT = 30;

function parse(stored: string | null): string[] {
  if (stored === null) return [];
  try {
    const value: unknown = JSON.parse(stored);
    return Array.isArray(value) ? value.filter((entry): entry is string => typeof entry === 'string') : [];
  } catch {
    return [];
  }
}

export function queryHistory(storage: HistoryStorage, limit = HISTORY_LIMIT, key = HISTORY_KEY): QueryHistory {
  const read = (): string[] => {
    try {
      return parse(storage.getItem(key)).slice(0, limit);
    } catch {
      return [];
    }
  };
  return {
    list: read,
    add(query) {
      const text = query.trim();
      if (text === '') return read();
      const next = [text, ...read().filter((entry) => entry.trim() !== text)].slice(0, limit);
      try {
        storage.setItem(key, JSON.stringify(next));
      } catch {
        // Storage full or disabled (private mode): the history lives only until the page closes.
      }
      return next;
    },
    clear() {
      try {
        storage.removeItem(key);
      } catch {
        // Nothing stored, nothing to clear.
      }
    },
  };
}
