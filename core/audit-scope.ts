/**
 * the audit entries the staff council (Personalrat) may read: what concerns campaigns and ad-hoc items (made, changed,
 * approved, returned to review, posted, closed), results, exports and grants of roles. Ideas, measures and a person's
 * own data requests (privacy.*) stay with the participation management. Matched by the action's first part.
 */
export const COUNCIL_AUDIT_PREFIXES: readonly string[] = [
  'campaign.',
  'campaigns.',
  'item.',
  'results.',
  'export.',
  'admin.',
  'leader.',
  'council.',
];

/** whether a council member may see an audit entry with this action. */
export function councilMaySee(action: string): boolean {
  return COUNCIL_AUDIT_PREFIXES.some((prefix) => action.startsWith(prefix));
}
