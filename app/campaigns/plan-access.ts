import type { PlanPorts } from './ports';

/**
 * who may read campaigns' plans and download them: the participation management (admins). The one place to widen it,
 * e.g. to the staff council; checked when the links are made and again at every download.
 */
export async function mayReadPlans(
  s: Pick<PlanPorts, 'isAdmin' | 'storage'>,
  personId: string | undefined,
): Promise<boolean> {
  return s.isAdmin(personId);
}
