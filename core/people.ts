/** a member of a team as the Teams roster lists them. */
export interface Member {
  aadObjectId: string;
  name: string;
  /** user principal name or e-mail, e.g. anna.becker@amt.example. */
  upn?: string;
  /** the Teams user id ('29:…'), needed to open a 1:1 chat with the member; absent when the roster did not say. */
  userId?: string;
}

export type PersonMatch = { kind: 'one'; member: Member } | { kind: 'none' } | { kind: 'many'; members: Member[] };

const norm = (s: string) => s.normalize('NFC').trim().toLowerCase();

/**
 * finds the person a chat command or an organisation file means: an AAD object id or UPN/e-mail exactly, else a
 * name (whole name, then a unique part of it). Several matches are reported, never guessed.
 */
export function findMember(query: string, members: readonly Member[]): PersonMatch {
  const q = norm(query);
  if (!q) return { kind: 'none' };
  const unique = [...new Map(members.map((m) => [m.aadObjectId, m])).values()];
  const pick = (found: Member[]): PersonMatch | undefined =>
    found.length === 1
      ? { kind: 'one', member: found[0]! }
      : found.length > 1
        ? { kind: 'many', members: found }
        : undefined;
  return (
    pick(unique.filter((m) => norm(m.aadObjectId) === q || (m.upn !== undefined && norm(m.upn) === q))) ??
    pick(unique.filter((m) => norm(m.name) === q)) ??
    pick(
      unique.filter((m) => norm(m.name).includes(q) || (m.upn !== undefined && norm(m.upn).split('@')[0] === q)),
    ) ?? { kind: 'none' }
  );
}
