export { createWhoisLookup, DEFAULT_WHOIS_CACHE_TTL_MS, type WhoisLookup, type WhoisLookupOptions } from './lookup';
