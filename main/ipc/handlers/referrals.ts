import type { PartnerCenterAccount, referralChannels } from '../../../shared/ipc/referrals';
import { PC_CONNECTION_FIELDS } from '../../../shared/referrals';
import type { Hunter } from '../../app/create-hunter';
import { AppError } from '../../core/app-error';
import { normalizeDomain } from '../../engine/normalize';
import { savePcConnection } from '../../integrations/partner-center/pc-config';
import { answerReferral } from '../../integrations/partner-center/referral-answers';
import { referralDetail } from '../../integrations/partner-center/referral-detail';
import type { HandlersFor } from '../dispatch';

const PARTNER_CENTER_REFERRAL_PAGE = 'https://partner.microsoft.com/dashboard/referrals/';

export function referralHandlers(hunter: Hunter): HandlersFor<typeof referralChannels> {
  const { store, partnerCenter: pc, services, bus, platform } = hunter;

  const detail = (id: string) => {
    const stored = store.referrals.get(id);
    if (!stored) throw new AppError('not_found', `Referral ${id} does not exist`);
    return referralDetail(stored);
  };

  const account = async (): Promise<PartnerCenterAccount> => {
    const config = pc.config();
    const signedIn = config.connection.client_id ? await pc.signIn().account() : null;
    return {
      username: signedIn?.username ?? null,
      name: signedIn?.name ?? null,
      connection: config.connection,
      from_env: PC_CONNECTION_FIELDS.filter((f) => config.sources[f] === 'env'),
    };
  };

  const answer = async (id: string, kind: 'accept' | 'decline', reason?: string) => {
    pc.assertEnabled();
    const { referral, createdLead } = await answerReferral(
      { store, client: pc.client(), consumerDomains: pc.consumerDomains },
      id,
      kind === 'accept' ? { kind } : { kind, reason },
    );
    bus.emit('leads.changed', { domains: [referral.lead_domain, createdLead].filter((d): d is string => !!d) });
    return referralDetail(referral);
  };

  return {
    'referrals.list': (query) => {
      pc.assertEnabled();
      return { rows: store.referrals.list({ limit: 200, ...query }), total: store.referrals.count(query) };
    },
    'referrals.get': ({ referral_id }) => detail(referral_id),
    'referrals.sync': async ({ full }) => (await services.referralSync.syncNow({ full })).result,
    'referrals.status': () => services.referralSync.status(),
    'referrals.accept': ({ referral_id }) => answer(referral_id, 'accept'),
    'referrals.decline': ({ referral_id, reason }) => answer(referral_id, 'decline', reason),
    'referrals.link': ({ referral_id, domain }) => {
      const n = normalizeDomain(domain);
      if (!n.ok) throw new AppError('invalid_domain', `"${domain}" is not a domain: ${n.message}`);
      const current = detail(referral_id);
      store.transaction(() => {
        if (store.referrals.leadIdByDomain(n.domain) === null)
          store.leads.addLeads([{ domain: n.domain, domain_display: n.display, company_name: current.customer_name }]);
        store.referrals.link(referral_id, store.referrals.leadIdByDomain(n.domain)!);
      });
      bus.emit('leads.changed', { domains: [n.domain] });
      return detail(referral_id);
    },
    'referrals.open_in_partner_center': async ({ referral_id }) => {
      detail(referral_id);
      await platform.openUrl(`${PARTNER_CENTER_REFERRAL_PAGE}${encodeURIComponent(referral_id)}`);
      return { opened: true as const };
    },
    'partner_center.account': () => account(),
    'partner_center.sign_in': async () => {
      pc.assertEnabled();
      const signIn = pc.signIn();
      try {
        await signIn.signInInteractive((url) => platform.openUrl(url));
      } catch (err) {
        // no browser could be opened (or the loopback failed): the device code works from any browser
        if (err instanceof AppError && err.code !== 'auth_failed') throw err;
        await signIn.signInWithDeviceCode((p) =>
          bus.emit('partner_center.device_code', {
            message: p.message,
            user_code: p.userCode,
            verification_uri: p.verificationUri,
          }),
        );
      }
      services.referralSync.signedIn();
      return account();
    },
    'partner_center.sign_out': async () => {
      if (pc.config().connection.client_id) await pc.signIn().signOut();
      return account();
    },
    'partner_center.save_connection': (patch) => {
      savePcConnection(store.settings, patch);
      return account();
    },
  };
}
