import { foldSearch } from '../../shared/text';

// import header matching and the grid search fold the same way: one implementation, in shared/
export { foldSearch };

/** foldSearch() as a SQL function on every store connection (see openStore). */
export const FOLD_SQL_FUNCTION = 'hunter_fold';

/** The search text stored for a lead: every field the grid search looks at, folded, in one string. */
export function leadSearchText(fields: {
  domain: string;
  domain_display: string;
  company_name: string | null;
  provider: string | null;
}): string {
  const parts = [fields.domain, fields.domain_display, fields.company_name, fields.provider];
  return foldSearch(parts.filter((p): p is string => !!p).join('\n'));
}
