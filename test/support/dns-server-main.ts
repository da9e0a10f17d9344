// Runs the fixture DNS server as its own process so a benchmark's client and server get a core each.
// Usage: node --import tsx test/support/dns-server-main.ts [--zones fixtures|bench] [--port N]
//   bench zones only: [--prebuild-domains N --selectors a,b,c] [--prebuild-raw N] (answers encoded at start-up)
// Prints the bound port on the first stdout line; answers {type:'queryCount'} IPC messages when forked with IPC.
import { parseArgs } from 'node:util';
import { fixtureZones } from '../fixtures/dns-zones';
import { benchZones } from './dns-bench-zones';
import { startDnsServer } from './dns-server';

const { values } = parseArgs({
  options: {
    zones: { type: 'string', default: 'fixtures' },
    port: { type: 'string', default: '0' },
    'prebuild-domains': { type: 'string', default: '0' },
    selectors: { type: 'string', default: '' },
    'prebuild-raw': { type: 'string', default: '0' },
  },
});
const zoneSets = {
  fixtures: () => fixtureZones,
  bench: () =>
    benchZones({
      domains: Number(values['prebuild-domains']),
      selectors: values.selectors ? values.selectors.split(',') : [],
      rawQuestions: Number(values['prebuild-raw']),
    }),
};
const makeZones = zoneSets[values.zones as keyof typeof zoneSets];
if (!makeZones) throw new Error(`unknown zone set ${values.zones}; expected ${Object.keys(zoneSets).join(' or ')}`);

const server = await startDnsServer({ zones: makeZones(), port: Number(values.port) });
process.stdout.write(`${server.port}\n`);

process.on('message', (msg: { type?: string }) => {
  if (msg.type === 'queryCount') process.send?.({ type: 'queryCount', value: server.queryCount() });
});
const shutdown = () => void server.stop().then(() => process.exit(0));
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
// the parent going away closes the IPC channel; do not outlive it
process.on('disconnect', shutdown);
