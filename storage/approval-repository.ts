import { odata, type TableClient } from '@azure/data-tables';
import type { ApprovalDecision } from '../core/approvals/approval-rule';
import type { ApprovalSubjectKind } from '../core/approvals/approval-payload';
import { definedOnly, isConflict, keyPart, type Tables } from './tables';

/** one version of a campaign or held ad-hoc item sent to the staff council, with its content as JSON. */
export interface ApprovalRequest {
  kind: ApprovalSubjectKind;
  subjectId: string;
  /** a hash of the content (storage/campaign-repository `campaignVersion` for campaigns). */
  version: string;
  /** the content as JSON: the campaign, or the held item with its target; kept to describe later changes. */
  content: string;
  requestedAt: Date;
  /** the AAD object id of the admin who made or changed it, or `file:<name>` for a campaign file. */
  requestedBy: string;
  requestedByName?: string;
}

/** a version and the council's decisions on it. */
export interface ApprovalRecord {
  request: ApprovalRequest;
  decisions: ApprovalDecision[];
}

interface RequestEntity {
  kind: string;
  subjectId: string;
  version: string;
  contentChunks: number;
  requestedAt: string;
  requestedBy: string;
  requestedByName?: string;
  [chunk: `content${number}`]: string;
}

interface DecisionEntity {
  version: string;
  memberId: string;
  memberName?: string;
  decision: string;
  comment?: string;
  at: string;
}

const CHUNK_CHARS = 30_000;
const MAX_CHUNKS = 16;

const partitionOf = (kind: ApprovalSubjectKind, id: string) => `approval|${kind}|${keyPart(id)}`;
const rows = {
  request: (version: string) => `v|${version}`,
  decision: (version: string, memberId: string) => `d|${version}|${keyPart(memberId)}`,
  posted: (version: string) => `posted|${version}`,
};

/**
 * the staff council's approvals, in the Campaigns table (partitions `approval|<kind>|<id>`, apart from the campaign
 * rows): per version a request row with the content, per member and version one decision row (written once, so each
 * member decides once per version), and for a held item a `posted|<version>` row claimed before it is posted. Council
 * decisions are official acts: they name the member.
 */
export class ApprovalRepository {
  private readonly table: TableClient;

  constructor(tables: Pick<Tables, 'campaigns'>) {
    this.table = tables.campaigns;
  }

  /** stores a version sent for approval; 'exists' when this version was sent before (nothing changes then). */
  async request(r: ApprovalRequest): Promise<'created' | 'exists'> {
    if (r.content.length > CHUNK_CHARS * MAX_CHUNKS) throw new Error(`approval content of ${r.subjectId} is too large`);
    const chunks: Record<`content${number}`, string> = {};
    let n = 0;
    for (let at = 0; at < r.content.length; at += CHUNK_CHARS)
      chunks[`content${n++}`] = r.content.slice(at, at + CHUNK_CHARS);
    try {
      await this.table.createEntity(
        definedOnly({
          partitionKey: partitionOf(r.kind, r.subjectId),
          rowKey: rows.request(r.version),
          kind: r.kind,
          subjectId: r.subjectId,
          version: r.version,
          contentChunks: n,
          requestedAt: r.requestedAt.toISOString(),
          requestedBy: r.requestedBy,
          requestedByName: r.requestedByName,
          ...chunks,
        }),
      );
      return 'created';
    } catch (e) {
      if (isConflict(e)) return 'exists';
      throw e;
    }
  }

  /** records a member's decision on a version; 'already' when they decided on it before (the first one stands). */
  async decide(
    kind: ApprovalSubjectKind,
    subjectId: string,
    version: string,
    d: ApprovalDecision,
  ): Promise<'recorded' | 'already'> {
    try {
      await this.table.createEntity(
        definedOnly({
          partitionKey: partitionOf(kind, subjectId),
          rowKey: rows.decision(version, d.memberId),
          version,
          memberId: d.memberId,
          memberName: d.memberName,
          decision: d.kind,
          comment: d.comment,
          at: d.at.toISOString(),
        }),
      );
      return 'recorded';
    } catch (e) {
      if (isConflict(e)) return 'already';
      throw e;
    }
  }

  /** every version of a subject with its decisions, oldest request first. */
  async records(kind: ApprovalSubjectKind, subjectId: string): Promise<ApprovalRecord[]> {
    const requests: ApprovalRequest[] = [];
    const decisions = new Map<string, ApprovalDecision[]>();
    const filter = odata`PartitionKey eq ${partitionOf(kind, subjectId)}`;
    for await (const e of this.table.listEntities<Record<string, unknown>>({ queryOptions: { filter } })) {
      const rowKey = String(e.rowKey);
      if (rowKey.startsWith('v|')) {
        const r = e as unknown as RequestEntity;
        let content = '';
        for (let i = 0; i < r.contentChunks; i++) content += r[`content${i}`] ?? '';
        requests.push(
          definedOnly({
            kind,
            subjectId,
            version: r.version,
            content,
            requestedAt: new Date(r.requestedAt),
            requestedBy: r.requestedBy,
            requestedByName: r.requestedByName,
          }),
        );
      } else if (rowKey.startsWith('d|')) {
        const d = e as unknown as DecisionEntity;
        const list = decisions.get(d.version) ?? [];
        list.push(
          definedOnly({
            memberId: d.memberId,
            memberName: d.memberName,
            kind: d.decision === 'changes' ? ('changes' as const) : ('approve' as const),
            comment: d.comment,
            at: new Date(d.at),
          }),
        );
        decisions.set(d.version, list);
      }
    }
    return requests
      .sort((a, b) => a.requestedAt.getTime() - b.requestedAt.getTime())
      .map((request) => ({ request, decisions: decisions.get(request.version) ?? [] }));
  }

  /** one version with its decisions, or undefined. */
  async record(kind: ApprovalSubjectKind, subjectId: string, version: string): Promise<ApprovalRecord | undefined> {
    return (await this.records(kind, subjectId)).find((r) => r.request.version === version);
  }

  /** claims the posting of an approved held item: true exactly once per version. */
  async claimPost(kind: ApprovalSubjectKind, subjectId: string, version: string, at: Date): Promise<boolean> {
    try {
      await this.table.createEntity({
        partitionKey: partitionOf(kind, subjectId),
        rowKey: rows.posted(version),
        at: at.toISOString(),
      });
      return true;
    } catch (e) {
      if (isConflict(e)) return false;
      throw e;
    }
  }
}
