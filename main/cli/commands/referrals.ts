import { LINK_STATUSES, REFERRAL_KINDS } from '../../../shared/referrals';
import type { LinkStatus, ReferralDetail, ReferralKind, ReferralListItem } from '../../../shared/referrals';
import type { Hunter } from '../../app/create-hunter';
import { AppError } from '../../core/app-error';
import { answerReferral } from '../../integrations/partner-center/referral-answers';
import type { ReferralAnswer } from '../../integrations/partner-center/referral-answers';
import { referralDetail } from '../../integrations/partner-center/referral-detail';
import { scanAndStore } from '../../services/scan-and-store';
import { EXIT, intOption, parse, UsageError } from '../args';
import type { CliIo, Command } from '../args';
import { withAppErrors } from '../app-errors';
import { withHunter } from '../with-hunter';

const SIGN_IN_AGAIN = { signed_out: 'Sign in again with "hunter signin partner-center".' };

function referralLine(r: ReferralListItem): string {
  const deal = r.deal_value !== null ? `${r.deal_value} ${r.currency ?? ''}`.trim() : '';
  return [
    r.referral_id,
    r.kind.padEnd(17),
    `${r.status ?? '?'}/${r.substatus ?? '?'}`.padEnd(16),
    (r.direction ?? '').padEnd(8),
    (r.domain_display ?? '(no domain)').padEnd(28),
    r.customer_name ?? '',
    deal,
  ].join('  ');
}

function printDetail(io: CliIo, d: ReferralDetail, json: boolean | undefined): void {
  if (json) {
    io.out(JSON.stringify(d));
    return;
  }
  io.out(`${d.name ?? d.referral_id}`);
  io.out(`  id            ${d.referral_id}`);
  io.out(`  kind          ${d.kind}   ${d.direction ?? ''} ${d.status ?? ''}/${d.substatus ?? ''}`);
  io.out(`  customer      ${d.customer_name ?? ''} (${d.customer_country ?? '?'})`);
  io.out(`  domain        ${d.domain_display ?? '(none)'}   lead: ${d.lead_domain ?? '(unlinked)'}`);
  if (d.deal_value !== null) io.out(`  deal          ${d.deal_value} ${d.currency ?? ''}`);
  for (const c of d.contacts)
    io.out(
      `  contact       ${[c.first_name, c.last_name].filter(Boolean).join(' ')} <${c.email ?? ''}> ${c.phone ?? ''}`,
    );
  if (d.notes) io.out(`  notes         ${d.notes}`);
}

function detailOf(hunter: Hunter, id: string): ReferralDetail {
  const stored = hunter.store.referrals.get(id);
  if (!stored) throw new AppError('not_found', `No referral ${id} here (run "hunter referrals sync" first).`);
  return referralDetail(stored);
}

function oneId(positionals: string[]): string {
  if (positionals.length !== 1) throw new UsageError('give exactly one referral id');
  if (positionals[0].length > 200) throw new UsageError('that is not a referral id');
  return positionals[0];
}

async function sync(args: string[], io: CliIo): Promise<number> {
  const { values } = parse(args, {
    full: { type: 'boolean' },
    'no-scan': { type: 'boolean' },
    'dns-server': { type: 'string', multiple: true },
    whois: { type: 'string' },
  });
  if (values.whois !== undefined && values.whois !== 'on' && values.whois !== 'off')
    throw new UsageError('--whois must be on or off');
  const overrides = {
    ...(values['dns-server'] ? { dns_servers: values['dns-server'] } : {}),
    ...(values.whois ? { whois_enabled: values.whois === 'on' } : {}),
  };
  return withHunter(values.db, (hunter) =>
    withAppErrors(
      'referrals sync',
      io,
      async () => {
        const { result, newLeadDomains } = await hunter.services.referralSync.syncNow({
          full: values.full,
          scan: false,
        });
        if (!values['no-scan'] && newLeadDomains.length > 0) {
          if (!values.json) io.err(`scanning ${newLeadDomains.length} new leads…`);
          await scanAndStore(newLeadDomains, hunter.scanners.get(overrides), hunter.store, {
            concurrency: hunter.settings.get().scan_concurrency,
            signal: io.signal,
          });
        }
        io.out(
          values.json
            ? JSON.stringify(result)
            : `fetched ${result.fetched}: ${result.inserted} new, ${result.updated} updated, ${result.unchanged} unchanged; ` +
                `${result.linked} linked (${result.leads_created} new leads), ${result.unlinked} without a domain`,
        );
        return EXIT.ok;
      },
      SIGN_IN_AGAIN,
    ),
  );
}

async function list(args: string[], io: CliIo): Promise<number> {
  const { values } = parse(args, { kind: { type: 'string' }, link: { type: 'string' }, limit: { type: 'string' } });
  if (values.kind !== undefined && !REFERRAL_KINDS.includes(values.kind as ReferralKind))
    throw new UsageError(`--kind must be one of ${REFERRAL_KINDS.join(', ')}`);
  if (values.link !== undefined && !LINK_STATUSES.includes(values.link as LinkStatus))
    throw new UsageError(`--link must be ${LINK_STATUSES.join(' or ')}`);
  const limit = intOption(values.limit, 'limit', 1, 1_000_000);
  return withHunter(values.db, (hunter) =>
    withAppErrors('referrals list', io, async () => {
      hunter.partnerCenter.assertEnabled();
      const query = { kind: values.kind as ReferralKind | undefined, link: values.link as LinkStatus | undefined };
      const rows = hunter.store.referrals.list({ ...query, limit });
      for (const r of rows) io.out(values.json ? JSON.stringify(r) : referralLine(r));
      if (!values.json) io.err(`${rows.length} of ${hunter.store.referrals.count(query)} referrals`);
      return EXIT.ok;
    }),
  );
}

async function show(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args, {});
  const id = oneId(positionals);
  return withHunter(values.db, (hunter) =>
    withAppErrors('referrals show', io, async () => {
      hunter.partnerCenter.assertEnabled();
      printDetail(io, detailOf(hunter, id), values.json);
      return EXIT.ok;
    }),
  );
}

function answer(kind: ReferralAnswer['kind']) {
  return async (args: string[], io: CliIo): Promise<number> => {
    const { values, positionals } = parse(args, kind === 'decline' ? { reason: { type: 'string' } } : {});
    const id = oneId(positionals);
    const reason = (values as { reason?: string }).reason;
    if (reason !== undefined && reason.length > 1000) throw new UsageError('--reason is limited to 1000 characters');
    return withHunter(values.db, (hunter) =>
      withAppErrors(
        `referrals ${kind}`,
        io,
        async () => {
          hunter.partnerCenter.assertEnabled();
          const pc = hunter.partnerCenter;
          const { referral } = await answerReferral(
            { store: hunter.store, client: pc.client(), consumerDomains: pc.consumerDomains },
            id,
            kind === 'accept' ? { kind } : { kind, reason },
          );
          printDetail(io, referralDetail(referral), values.json);
          if (!values.json) io.err(`${kind === 'accept' ? 'Accepted' : 'Declined'} in Partner Center.`);
          return EXIT.ok;
        },
        SIGN_IN_AGAIN,
      ),
    );
  };
}

const SUBCOMMANDS: Record<string, (args: string[], io: CliIo) => Promise<number>> = {
  sync,
  list,
  show,
  accept: answer('accept'),
  decline: answer('decline'),
};

export const referralsCommand: Command = async (args, io) => {
  const [sub, ...rest] = args;
  const run = sub && Object.prototype.hasOwnProperty.call(SUBCOMMANDS, sub) ? SUBCOMMANDS[sub] : undefined;
  if (!run) throw new UsageError(`say what to do with referrals: ${Object.keys(SUBCOMMANDS).join(', ')}`);
  return run(rest, io);
};
