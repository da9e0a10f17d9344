// Public surface of the sales engine.
export { buildSalesSummary } from './summary';
export type { SalesContext } from './summary';
export { renderSalesSummaryText } from './render-text';
export { loadSalesTemplates } from './templates';
export type { SalesLang, SalesTemplates } from './templates';
