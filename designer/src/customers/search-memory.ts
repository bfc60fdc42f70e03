import { href } from '../router.ts';

// The last search of this tab, so "back" from a customer returns to its results.
let lastQuery = '';

export function rememberSearch(query: string): void {
  lastQuery = query;
}

export function searchHref(): string {
  return lastQuery ? href('customers', 'search', lastQuery) : href('customers');
}
