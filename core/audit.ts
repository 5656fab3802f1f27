/** one admin or leader action, as the audit log records and shows it. */
export interface AuditEntry {
  actorId: string;
  actorName?: string;
  /** what was done, e.g. 'leader.assign', 'campaign.pause'. */
  action: string;
  /** what it was done to, e.g. a campaign id or 'team|person'. */
  target?: string;
  details?: Record<string, string | number | boolean>;
  at: Date;
}
