import { CustomerPage } from './CustomerPage.tsx';
import { SearchPage } from './SearchPage.tsx';
import './customers.css';

/**
 * The customers screen (`#/customers/...`), Customer 360:
 *   customers                → search
 *   customers/search/<q>     → search results (the query in the URL: back returns to them)
 *   customers/<id>           → one customer
 */
export function CustomersScreen({ rest }: { rest: string[] }) {
  const [first, second] = rest;
  if (first === 'search' || first === undefined)
    return <SearchPage key={second ?? ''} query={second ?? ''} />;
  return <CustomerPage key={first} customerId={first} />;
}
