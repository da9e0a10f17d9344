export {
  createWhoisLookup,
  DEFAULT_WHOIS_CACHE_TTL_MS,
  DEFAULT_WHOIS_TIMEOUT_MS,
  type WhoisLookup,
  type WhoisLookupOptions,
} from './lookup';
