// electron-builder afterSign hook: sends the signed macOS app to Apple's notary service and staples the ticket.
// Driven only by environment variables (the same names electron-builder's own integration reads), and skipped, with
// one line saying so, when they are absent: local and unsigned builds must still succeed.
//   APPLE_API_KEY (path to the .p8 file), APPLE_API_KEY_ID, APPLE_API_ISSUER   — App Store Connect API key (preferred)
//   APPLE_ID, APPLE_APP_SPECIFIC_PASSWORD, APPLE_TEAM_ID                      — Apple ID
//   APPLE_KEYCHAIN_PROFILE (and optionally APPLE_KEYCHAIN)                    — credentials stored by notarytool
import path from 'node:path';

/** The notarytool credentials the environment provides, or null when it provides no complete set. */
export function notaryCredentials(env) {
  if (env.APPLE_API_KEY && env.APPLE_API_KEY_ID && env.APPLE_API_ISSUER) {
    return {
      appleApiKey: env.APPLE_API_KEY,
      appleApiKeyId: env.APPLE_API_KEY_ID,
      appleApiIssuer: env.APPLE_API_ISSUER,
    };
  }
  if (env.APPLE_ID && env.APPLE_APP_SPECIFIC_PASSWORD && env.APPLE_TEAM_ID) {
    return { appleId: env.APPLE_ID, appleIdPassword: env.APPLE_APP_SPECIFIC_PASSWORD, teamId: env.APPLE_TEAM_ID };
  }
  if (env.APPLE_KEYCHAIN_PROFILE) {
    return env.APPLE_KEYCHAIN
      ? { keychainProfile: env.APPLE_KEYCHAIN_PROFILE, keychain: env.APPLE_KEYCHAIN }
      : { keychainProfile: env.APPLE_KEYCHAIN_PROFILE };
  }
  return null;
}

export default async function afterSign(
  context,
  env = process.env,
  notarize = async (opts) => (await import('@electron/notarize')).notarize(opts),
) {
  if (context.electronPlatformName !== 'darwin') return 'not macOS';
  const credentials = notaryCredentials(env);
  if (!credentials) {
    console.log(
      '  • notarisation skipped: set APPLE_API_KEY/APPLE_API_KEY_ID/APPLE_API_ISSUER or APPLE_ID/APPLE_APP_SPECIFIC_PASSWORD/APPLE_TEAM_ID',
    );
    return 'skipped';
  }
  const appPath = path.join(context.appOutDir, `${context.packager.appInfo.productFilename}.app`);
  console.log(`  • notarising ${appPath}`);
  await notarize({ appPath, ...credentials });
  return 'notarised';
}
