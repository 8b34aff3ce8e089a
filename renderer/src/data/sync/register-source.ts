import { syncCoreState } from './stamps';

/** Gives the next outgoing sequence number of a year for the whole mission (the server's `register/next`). */
export type RegisterNumberSource = (year: number) => Promise<number>;

const sources = new WeakMap<object, RegisterNumberSource>();

/**
 * Refused because this PC has joined a mission and cannot reach its server: a number from the local counter could
 * be the one another PC takes at the same moment, so no number is given and nothing is written. The caseworker
 * registers the document again once the server answers. `code` lets the UI word it.
 */
export class RegisterOfflineError extends Error {
  readonly code = 'REGISTER_OFFLINE' as const;
  constructor(cause?: unknown) {
    super('The mission server is out of reach: an outgoing number cannot be given now', { cause });
    this.name = 'RegisterOfflineError';
  }
}

/** Set by the running replication (replicate.ts); `null` while it is stopped. */
export function setRegisterNumberSource(owner: object, source: RegisterNumberSource | null): void {
  if (source) sources.set(owner, source);
  else sources.delete(owner);
}

/**
 * The register's number for a document of `year`: `null` on a PC that has not joined a mission (the register
 * counts locally, as it always did), the server's number on a joined PC, and RegisterOfflineError when a joined
 * PC cannot get one. Called before the register's transaction: a transaction cannot wait on the network.
 */
export async function missionRegisterSeq(owner: object, year: number): Promise<number | null> {
  if (!syncCoreState(owner).stamping) return null;
  const source = sources.get(owner);
  if (!source) throw new RegisterOfflineError();
  try {
    return await source(year);
  } catch (error) {
    throw new RegisterOfflineError(error);
  }
}
