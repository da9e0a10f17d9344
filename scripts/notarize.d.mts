export declare function notaryCredentials(env: NodeJS.ProcessEnv): Record<string, string> | null;

export default function afterSign(
  context: { electronPlatformName: string; appOutDir: string; packager: { appInfo: { productFilename: string } } },
  env?: NodeJS.ProcessEnv,
  notarize?: (options: Record<string, string>) => Promise<void>,
): Promise<'not macOS' | 'skipped' | 'notarised'>;
