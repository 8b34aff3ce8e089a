/**
 * electron-builder options for signing: none without a certificate in the environment (the yml's "-unsigned"
 * names stay); with one, plain names and forced signing, so a failed signature fails the build.
 */
export function signingArgs(platform: 'win' | 'linux', env: NodeJS.ProcessEnv): string[] {
  const certificate = env.WIN_CSC_LINK || env.CSC_LINK;
  if (platform !== 'win' || !certificate) return [];
  return [
    '-c.forceCodeSigning=true',
    '-c.nsis.artifactName=${productName}-${version}-setup.${ext}',
    '-c.portable.artifactName=${productName}-${version}-portable.${ext}',
  ];
}
