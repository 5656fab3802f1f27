import { odata, type TableClient } from '@azure/data-tables';
import type { ApprovalDecision } from '../core/approvals/approval-rule';
import type { ApprovalSubjectKind } from '../core/approvals/approval-payload';
import { definedOnly, isConflict, keyPart, readEntity, type Tables } from './tables';

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

/** a decision as listed for the member who made it: the subject and version it was made on. */
export interface MemberDecision {
  kind: ApprovalSubjectKind;
  subjectId: string;
  version: string;
  decision: ApprovalDecision;
  /** the version decided on, for what it was about (undefined when its request row is gone). */
  request?: ApprovalRequest;
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

/** every approval partition lies between these keys (`approval|…`; `}` sorts after `|`). */
const APPROVAL_RANGE = { from: 'approval|', to: 'approval}' };

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
        requests.push(toRequest(kind, subjectId, e as unknown as RequestEntity));
      } else if (rowKey.startsWith('d|')) {
        const d = e as unknown as DecisionEntity;
        const list = decisions.get(d.version) ?? [];
        list.push(toDecision(d));
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

  /** the ids of every subject of a kind ever sent for approval (a range scan over that kind's partitions). */
  async subjects(kind: ApprovalSubjectKind): Promise<string[]> {
    const filter = odata`PartitionKey ge ${`approval|${kind}|`} and PartitionKey lt ${`approval|${kind}}`} and RowKey ge ${'v|'} and RowKey lt ${'v}'}`;
    const ids = new Set<string>();
    for await (const e of this.table.listEntities<{ subjectId: string }>({
      queryOptions: { filter, select: ['subjectId'] },
    }))
      ids.add(e.subjectId);
    return [...ids];
  }

  /**
   * what a person did in approvals, for their own data (`meine daten`): their decisions as a council member, each with
   * the version it was on, and the versions they sent for approval. Scans the approval partitions (a range, not the
   * campaign rows).
   */
  async byPerson(personId: string): Promise<{ decisions: MemberDecision[]; requests: ApprovalRequest[] }> {
    const filter = odata`PartitionKey ge ${APPROVAL_RANGE.from} and PartitionKey lt ${APPROVAL_RANGE.to} and (memberId eq ${personId} or requestedBy eq ${personId})`;
    const found: Array<{ partitionKey: string; d: DecisionEntity }> = [];
    const requests: ApprovalRequest[] = [];
    for await (const e of this.table.listEntities<Record<string, unknown>>({ queryOptions: { filter } })) {
      const rowKey = String(e.rowKey);
      if (rowKey.startsWith('d|'))
        found.push({ partitionKey: String(e.partitionKey), d: e as unknown as DecisionEntity });
      else if (rowKey.startsWith('v|')) {
        const r = e as unknown as RequestEntity;
        requests.push(toRequest(r.kind === 'item' ? 'item' : 'campaign', r.subjectId, r));
      }
    }
    const decisions: MemberDecision[] = [];
    for (const { partitionKey, d } of found) {
      const r = await readEntity<RequestEntity>(this.table, partitionKey, rows.request(d.version));
      if (!r) continue;
      const kind = r.kind === 'item' ? 'item' : 'campaign';
      decisions.push({
        kind,
        subjectId: r.subjectId,
        version: d.version,
        decision: toDecision(d),
        request: toRequest(kind, r.subjectId, r),
      });
    }
    const at = (x: { at: Date } | { requestedAt: Date }) => ('at' in x ? x.at : x.requestedAt).getTime();
    return {
      decisions: decisions.sort((a, b) => at(a.decision) - at(b.decision)),
      requests: requests.sort((a, b) => at(a) - at(b)),
    };
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

function toRequest(kind: ApprovalSubjectKind, subjectId: string, r: RequestEntity): ApprovalRequest {
  let content = '';
  for (let i = 0; i < r.contentChunks; i++) content += r[`content${i}`] ?? '';
  return definedOnly({
    kind,
    subjectId,
    version: r.version,
    content,
    requestedAt: new Date(r.requestedAt),
    requestedBy: r.requestedBy,
    requestedByName: r.requestedByName,
  });
}

function toDecision(d: DecisionEntity): ApprovalDecision {
  return definedOnly({
    memberId: d.memberId,
    memberName: d.memberName,
    kind: d.decision === 'changes' ? ('changes' as const) : ('approve' as const),
    comment: d.comment,
    at: new Date(d.at),
  });
}
