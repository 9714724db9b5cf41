export const webDistDir: string;
export function webInputsHash(): string;
export function isWebBuildFresh(): boolean;
export function ensureWebBuild(options?: { log?: (message: string) => void }): boolean;
