// The fake Dataverse in a process of its own (for the push bench: the client under test gets its own event loop).
// Prints {"url": …} on stdout; on the IPC message "stats" answers with what the tests assert on.
import { startFakeDataverse } from './fake-dataverse';

const fake = await startFakeDataverse();
process.stdout.write(JSON.stringify({ url: fake.url }) + '\n');
process.on('message', (msg) => {
  if (msg !== 'stats') return;
  const leads = [...fake.records.get('leads')!.values()];
  process.send!({
    leads: leads.length,
    distinctDomains: new Set(leads.map((r) => r.hnt_domain)).size,
    notes: fake.records.get('annotations')!.size,
    posts: fake.writes.filter((w) => w.method === 'POST').length,
    requests: fake.requests.length,
    maxConcurrent: fake.maxConcurrent,
  });
});
process.on('disconnect', () => void fake.close().then(() => process.exit(0)));
