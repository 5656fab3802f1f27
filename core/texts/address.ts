/** how German texts address a person: formally ("Sie", the default) or informally ("du"). */
export type GermanAddress = 'sie' | 'du';

let current: GermanAddress = 'sie';

/**
 * chooses the form of address of every German text for this process. It is a deployment setting like the time
 * zone (ADDRESS, app/config.ts): the composition root (host/bot-app.ts) calls this once at start, before any text
 * is read; nothing else should. Default: 'sie'.
 */
export function useGermanAddress(address: GermanAddress): void {
  current = address;
}

/** the form of address German texts use in this process (see useGermanAddress). */
export function germanAddress(): GermanAddress {
  return current;
}
