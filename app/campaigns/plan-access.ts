import type { PlanPorts } from './ports';

/**
 * who may read campaigns' plans and download them: the participation management (admins) and the staff council, who
 * approve them; checked when the links are made and again at every download.
 */
export async function mayReadPlans(
  s: Pick<PlanPorts, 'isAdmin' | 'storage'>,
  personId: string | undefined,
): Promise<boolean> {
  if (!personId) return false;
  return (await s.isAdmin(personId)) || (await s.storage.roles.isCouncil(personId));
}
