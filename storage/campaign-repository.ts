import { createHash } from 'node:crypto';
import { asciiJson } from './ascii-json';
import { odata, type TableClient } from '@azure/data-tables';
import type { Campaign, CampaignItem, CampaignStatus, Targets } from '../core/campaigns/campaign';
import { encodeKey, isNotFound, isPreconditionFailed, readEntity, withConcurrencyRetry, type Tables } from './tables';

/** where a campaign comes from: a campaign file (by file name) or the chat wizard (by the admin's AAD object id). */
export type CampaignSource = `file:${string}` | `chat:${string}`;

/** a campaign as stored: the campaign plus who made it, from where, and when it last changed. */
export interface StoredCampaign extends Campaign {
  source: CampaignSource;
  createdBy: string;
  createdAt: Date;
  updatedBy: string;
  updatedAt: Date;
}

/** what `upsertFromFile` did: a new row, a changed row, or nothing because the file said nothing new. */
export type UpsertOutcome = 'created' | 'updated' | 'unchanged';

/** a campaign cannot be stored as asked; the message says why, for the admin and the log. */
export class CampaignStoreError extends Error {
  override readonly name = 'CampaignStoreError';
}

/** Azure Tables allows 64 KiB per string property (32 K UTF-16 characters) and 1 MiB per entity. */
const CHUNK_CHARS = 30_000;
const MAX_CHUNKS = 16;
/** the most characters the items of one campaign may take as JSON (about 480 K). */
export const MAX_ITEMS_JSON_CHARS = CHUNK_CHARS * MAX_CHUNKS;

const PARTITION = 'campaign';

interface CampaignEntity {
  id: string;
  title: string;
  description?: string;
  targets: string;
  channel: string;
  timeZone: string;
  status: string;
  /** the status the file declared when last loaded; a file "changes the status" only when this differs. */
  fileStatus?: string;
  retentionDays?: number;
  itemChunks: number;
  source: string;
  createdBy: string;
  createdAt: string;
  updatedBy: string;
  updatedAt: string;
  [chunk: `items${number}`]: string;
}

function chunksOf(id: string, items: CampaignItem[]): Record<`items${number}`, string> & { itemChunks: number } {
  const json = asciiJson(items);
  if (json.length > MAX_ITEMS_JSON_CHARS) {
    throw new CampaignStoreError(
      `campaign '${id}' is too large to store: its items take ${json.length} characters, at most ${MAX_ITEMS_JSON_CHARS} fit; split it into several campaigns`,
    );
  }
  const chunks: Record<`items${number}`, string> = {};
  let n = 0;
  for (let at = 0; at < json.length; at += CHUNK_CHARS) chunks[`items${n++}`] = json.slice(at, at + CHUNK_CHARS);
  return { ...chunks, itemChunks: n };
}

function toEntity(c: StoredCampaign, fileStatus: string | undefined): CampaignEntity {
  return {
    id: c.id,
    title: c.title,
    description: c.description,
    targets: JSON.stringify(c.targets),
    channel: c.channel,
    timeZone: c.timeZone,
    status: c.status,
    fileStatus,
    retentionDays: c.retentionDays,
    source: c.source,
    createdBy: c.createdBy,
    createdAt: c.createdAt.toISOString(),
    updatedBy: c.updatedBy,
    updatedAt: c.updatedAt.toISOString(),
    ...chunksOf(c.id, c.items),
  };
}

function fromEntity(e: CampaignEntity): StoredCampaign {
  let json = '';
  for (let n = 0; n < e.itemChunks; n++) json += e[`items${n}`] ?? '';
  return {
    id: e.id,
    title: e.title,
    ...(e.description != null && { description: e.description }),
    targets: JSON.parse(e.targets) as Targets,
    channel: e.channel,
    timeZone: e.timeZone,
    status: e.status as CampaignStatus,
    ...(e.retentionDays != null && { retentionDays: e.retentionDays }),
    items: JSON.parse(json) as CampaignItem[],
    source: e.source as CampaignSource,
    createdBy: e.createdBy,
    createdAt: new Date(e.createdAt),
    updatedBy: e.updatedBy,
    updatedAt: new Date(e.updatedAt),
  };
}

/** the parts of a campaign a file or the wizard defines (not status or bookkeeping), for "did anything change?". */
function content(c: Campaign): string {
  return canonicalJson([
    c.title,
    c.description ?? null,
    c.targets,
    c.channel,
    c.timeZone,
    c.retentionDays ?? null,
    c.items,
  ]);
}

/** JSON with every object's keys sorted and undefined fields left out: the same campaign from the wizard, a file or a row reads the same. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : v,
  );
}

/** prompt campaigns: one row each in one partition (campaigns are few); items as JSON split over properties. */
export class CampaignRepository {
  private readonly table: TableClient;

  constructor(
    tables: Pick<Tables, 'campaigns'>,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.table = tables.campaigns;
  }

  /**
   * stores a campaign read from a file; the same id always means the same row. The stored status is kept
   * (an admin may have paused it, the scheduler may have made it running) unless the file's status differs
   * from what the file said last time. A chat-made campaign with this id is taken over by the file when the file says
   * exactly what it holds (the campaign file downloaded from its plan); otherwise, or when the campaign is too large,
   * throws CampaignStoreError.
   */
  async upsertFromFile(campaign: Campaign, fileName: string): Promise<UpsertOutcome> {
    const source: CampaignSource = `file:${fileName}`;
    return withConcurrencyRetry(async () => {
      const existing = await this.read(campaign.id);
      const at = this.now();
      if (!existing) {
        const created: StoredCampaign = {
          ...campaign,
          source,
          createdBy: source,
          createdAt: at,
          updatedBy: source,
          updatedAt: at,
        };
        await this.table.createEntity({
          partitionKey: PARTITION,
          rowKey: encodeKey(campaign.id),
          ...toEntity(created, campaign.status),
        });
        return 'created';
      }
      const { stored, fileStatus, etag } = existing;
      if (!stored.source.startsWith('file:')) {
        // the campaign file written from a chat campaign (its plan's download), loaded unchanged: from now on the file
        // is where it is kept and versioned; its status stays as it is (a file cannot say running or paused).
        if (content(stored) === content(campaign)) {
          const adopted: StoredCampaign = { ...stored, source, updatedBy: source, updatedAt: at };
          await this.table.updateEntity(
            { partitionKey: PARTITION, rowKey: encodeKey(campaign.id), ...toEntity(adopted, campaign.status) },
            'Replace',
            { etag },
          );
          return 'updated';
        }
        throw new CampaignStoreError(
          `campaign id '${campaign.id}' is already used by a campaign created in chat; choose another id, or load the campaign file downloaded from its plan unchanged first (the file then takes the campaign over)`,
        );
      }
      const status = fileStatus !== campaign.status ? campaign.status : stored.status;
      if (
        content(stored) === content(campaign) &&
        status === stored.status &&
        fileStatus === campaign.status &&
        stored.source === source
      ) {
        return 'unchanged';
      }
      const next: StoredCampaign = { ...stored, ...campaign, status, source, updatedBy: source, updatedAt: at };
      await this.table.updateEntity(
        { partitionKey: PARTITION, rowKey: encodeKey(campaign.id), ...toEntity(next, campaign.status) },
        'Replace',
        { etag },
      );
      return 'updated';
    });
  }

  /**
   * stores a campaign made in chat by an admin (creates it, or replaces its content keeping status and
   * creator). Throws CampaignStoreError when the id belongs to a campaign file or the campaign is too large.
   */
  async saveFromChat(campaign: Campaign, aadObjectId: string): Promise<StoredCampaign> {
    const source: CampaignSource = `chat:${aadObjectId}`;
    return withConcurrencyRetry(async () => {
      const existing = await this.read(campaign.id);
      const at = this.now();
      if (!existing) {
        const created: StoredCampaign = {
          ...campaign,
          source,
          createdBy: aadObjectId,
          createdAt: at,
          updatedBy: aadObjectId,
          updatedAt: at,
        };
        await this.table.createEntity({
          partitionKey: PARTITION,
          rowKey: encodeKey(campaign.id),
          ...toEntity(created, undefined),
        });
        return created;
      }
      if (existing.stored.source.startsWith('file:')) {
        throw new CampaignStoreError(
          `campaign '${campaign.id}' comes from ${existing.stored.source.slice(5)}; change the file instead`,
        );
      }
      const next: StoredCampaign = {
        ...existing.stored,
        ...campaign,
        status: existing.stored.status,
        updatedBy: aadObjectId,
        updatedAt: at,
      };
      await this.table.updateEntity(
        { partitionKey: PARTITION, rowKey: encodeKey(campaign.id), ...toEntity(next, undefined) },
        'Replace',
        {
          etag: existing.etag,
        },
      );
      return next;
    });
  }

  /** the campaign with this id, or undefined. */
  async get(id: string): Promise<StoredCampaign | undefined> {
    return (await this.read(id))?.stored;
  }

  /** every campaign, ordered by id. */
  async list(): Promise<StoredCampaign[]> {
    const campaigns: StoredCampaign[] = [];
    const rows = this.table.listEntities<CampaignEntity>({
      queryOptions: { filter: odata`PartitionKey eq ${PARTITION}` },
    });
    for await (const row of rows) campaigns.push(fromEntity(row));
    return campaigns;
  }

  /** sets the status (an admin's pause, resume or end); undefined when there is no such campaign. */
  async setStatus(id: string, status: CampaignStatus, by: string): Promise<StoredCampaign | undefined> {
    return this.update(id, (c) =>
      c.status === status ? undefined : { ...c, status, updatedBy: by, updatedAt: this.now() },
    );
  }

  /** the scheduler's note after the first post: scheduled becomes running; any other status stays. True when it changed. */
  async markRunning(id: string): Promise<boolean> {
    let changed = false;
    await this.update(id, (c) => {
      changed = c.status === 'scheduled';
      return changed ? { ...c, status: 'running', updatedAt: this.now() } : undefined;
    });
    return changed;
  }

  /** deletes a draft; campaigns that were ever scheduled stay (their history matters) and must be ended instead. */
  async delete(id: string): Promise<'deleted' | 'not-found' | 'not-draft'> {
    const existing = await this.read(id);
    if (!existing) return 'not-found';
    if (existing.stored.status !== 'draft') return 'not-draft';
    try {
      await this.table.deleteEntity(PARTITION, encodeKey(id), { etag: existing.etag });
    } catch (e) {
      // changed meanwhile (e.g. scheduled): look again rather than delete what is no longer a draft.
      if (isPreconditionFailed(e)) return this.delete(id);
      if (isNotFound(e)) return 'not-found';
      throw e;
    }
    return 'deleted';
  }

  private async read(
    id: string,
  ): Promise<{ stored: StoredCampaign; fileStatus: string | undefined; etag: string } | undefined> {
    const e = await readEntity<CampaignEntity>(this.table, PARTITION, encodeKey(id));
    return e ? { stored: fromEntity(e), fileStatus: e.fileStatus ?? undefined, etag: e.etag } : undefined;
  }

  /** read-modify-write under ETag; `change` returns undefined for "nothing to do". */
  private async update(
    id: string,
    change: (c: StoredCampaign) => StoredCampaign | undefined,
  ): Promise<StoredCampaign | undefined> {
    return withConcurrencyRetry(async () => {
      const existing = await this.read(id);
      if (!existing) return undefined;
      const next = change(existing.stored);
      if (!next) return existing.stored;
      const entity = toEntity(next, existing.fileStatus);
      await this.table.updateEntity({ partitionKey: PARTITION, rowKey: encodeKey(id), ...entity }, 'Replace', {
        etag: existing.etag,
      });
      return next;
    });
  }
}

/**
 * the version of a campaign's content: a hash of the fields a file or the wizard defines (the same as "did anything
 * change?"), so an approval holds for exactly the content it was given for.
 */
export function campaignVersion(c: Campaign): string {
  return createHash('sha256').update(content(c)).digest('hex').slice(0, 32);
}
