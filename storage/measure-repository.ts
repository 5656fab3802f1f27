import { randomBytes } from 'node:crypto';
import { odata, type TableClient } from '@azure/data-tables';
import {
  OPEN_STATUSES,
  isMeasureStatus,
  type Measure,
  type MeasureNote,
  type MeasureStatusChange,
} from '../core/measures/measure';
import {
  definedOnly,
  deleteRows,
  keyPart,
  newestFirstKey,
  readEntity,
  rowPrefixFilter,
  tolerateDone,
  withConcurrencyRetry,
  type Tables,
} from './tables';

// The Measures table (docs/storage.md, "Measures"):
// - `team|<team>`   / `m|<measure>`                 the measure (the board of a team is one partition)
// - `notes|<measure>` / `<newest first>|<random>`    its progress notes, newest first
// - `open`          / `<due date>|<team>|<measure>`  every open measure by due date (the digest's "due and overdue")
// - `idea|<idea>`   / `<team>|<measure>`             the measures an idea is part of ("meine ideen", status notices)
// - `person|<id>`   / `owner|<team>|<measure>`, `note|<measure>|<note key>`  where a person is named (own data, erasure)

const PK = {
  team: (teamId: string) => `team|${keyPart(teamId)}`,
  notes: (measureId: string) => `notes|${keyPart(measureId)}`,
  open: 'open',
  idea: (ideaId: string) => `idea|${keyPart(ideaId)}`,
  person: (personId: string) => `person|${keyPart(personId)}`,
};
const RK = {
  measure: (measureId: string) => `m|${keyPart(measureId)}`,
  open: (m: Pick<Measure, 'dueDate' | 'teamId' | 'measureId'>) =>
    `${m.dueDate}|${keyPart(m.teamId)}|${keyPart(m.measureId)}`,
  link: (teamId: string, measureId: string) => `${keyPart(teamId)}|${keyPart(measureId)}`,
  owner: (teamId: string, measureId: string) => `owner|${keyPart(teamId)}|${keyPart(measureId)}`,
  note: (measureId: string, noteKey: string) => `note|${keyPart(measureId)}|${noteKey}`,
};

interface MeasureEntity {
  measureId: string;
  teamId: string;
  title: string;
  description: string;
  ownerId: string;
  ownerName: string;
  dueDate: string;
  status: string;
  statusReason?: string;
  ideaIds: string;
  itemId?: string;
  channelId?: string;
  /** set once retention took the person names out of a finished measure. */
  namesForgotten?: boolean;
  volunteersAsGroup: boolean;
  createdById: string;
  createdByName: string;
  createdAt: string;
  statusAt: string;
  noteText?: string;
  noteById?: string;
  noteByName?: string;
  noteAt?: string;
}

interface NoteEntity {
  measureId: string;
  teamId: string;
  text: string;
  byId: string;
  byName: string;
  at: string;
}

/** what a measure shows where retention took a person's name out. */
export const NAME_FORGOTTEN = '—';

/** what `create` needs; the id, status and times are the repository's. */
export type NewMeasure = Omit<Measure, 'measureId' | 'status' | 'statusReason' | 'statusAt' | 'lastNote'>;

/** a measure is not (any more) where it was looked for. */
export class MeasureNotFoundError extends Error {
  override readonly name = 'MeasureNotFoundError';
}

function toEntity(m: Measure): MeasureEntity {
  return definedOnly({
    measureId: m.measureId,
    teamId: m.teamId,
    title: m.title,
    description: m.description,
    ownerId: m.ownerId,
    ownerName: m.ownerName,
    dueDate: m.dueDate,
    status: m.status,
    statusReason: m.statusReason,
    ideaIds: JSON.stringify(m.ideaIds),
    itemId: m.itemId,
    channelId: m.channelId,
    volunteersAsGroup: m.volunteersAsGroup,
    createdById: m.createdById,
    createdByName: m.createdByName,
    createdAt: m.createdAt.toISOString(),
    statusAt: m.statusAt.toISOString(),
    noteText: m.lastNote?.text,
    noteById: m.lastNote?.byId,
    noteByName: m.lastNote?.byName,
    noteAt: m.lastNote?.at.toISOString(),
  });
}

function toMeasure(e: MeasureEntity): Measure {
  const status = isMeasureStatus(e.status) ? e.status : 'planned';
  return definedOnly({
    measureId: e.measureId,
    teamId: e.teamId,
    title: e.title,
    description: e.description ?? '',
    ownerId: e.ownerId,
    ownerName: e.ownerName,
    dueDate: e.dueDate,
    status,
    statusReason: e.statusReason,
    ideaIds: JSON.parse(e.ideaIds || '[]') as string[],
    itemId: e.itemId,
    channelId: e.channelId,
    volunteersAsGroup: e.volunteersAsGroup === true,
    createdById: e.createdById,
    createdByName: e.createdByName,
    createdAt: new Date(e.createdAt),
    statusAt: new Date(e.statusAt),
    lastNote:
      e.noteText !== undefined && e.noteAt !== undefined
        ? { text: e.noteText, byId: e.noteById ?? '', byName: e.noteByName ?? '', at: new Date(e.noteAt) }
        : undefined,
  });
}

/**
 * measures and their notes. A measure lives in its team's partition, so a team's board is one partition read; an
 * index of open measures by due date serves the digests of all teams; link rows tie ideas and people to measures.
 * Writes to a measure are optimistic (ETag) and retried, so two leaders changing it at once never lose a change.
 */
export class MeasureRepository {
  private readonly table: TableClient;

  constructor(tables: Pick<Tables, 'measures'>) {
    this.table = tables.measures;
  }

  /** stores a new measure (status planned) with its links and index rows. */
  async create(input: NewMeasure, at: Date): Promise<Measure> {
    const measure: Measure = {
      ...input,
      measureId: `m${randomBytes(12).toString('base64url')}`,
      status: 'planned',
      statusAt: at,
    };
    await this.table.createEntity({
      partitionKey: PK.team(measure.teamId),
      rowKey: RK.measure(measure.measureId),
      ...toEntity(measure),
    });
    await this.writeIndexes(undefined, measure);
    return measure;
  }

  /** one measure of a team, or undefined. */
  async get(teamId: string, measureId: string): Promise<Measure | undefined> {
    const e = await readEntity<MeasureEntity>(this.table, PK.team(teamId), RK.measure(measureId));
    return e ? toMeasure(e) : undefined;
  }

  /** every measure of a team, newest first. */
  async ofTeam(teamId: string): Promise<Measure[]> {
    const out: Measure[] = [];
    const iter = this.table.listEntities<MeasureEntity>({
      queryOptions: { filter: rowPrefixFilter(PK.team(teamId), 'm|') },
    });
    for await (const e of iter) out.push(toMeasure(e));
    return out.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
  }

  /** the open measures of all teams due on or before a day (`YYYY-MM-DD`), earliest first. */
  async openDueBy(day: string): Promise<{ teamId: string; measureId: string; dueDate: string }[]> {
    const out: { teamId: string; measureId: string; dueDate: string }[] = [];
    const iter = this.table.listEntities<{ teamId: string; measureId: string; dueDate: string }>({
      queryOptions: { filter: odata`PartitionKey eq ${PK.open} and RowKey lt ${`${day}|\uffff`}` },
    });
    for await (const e of iter) out.push({ teamId: e.teamId, measureId: e.measureId, dueDate: e.dueDate });
    return out;
  }

  /** the measures an idea is part of. */
  async ofIdea(ideaId: string): Promise<{ teamId: string; measureId: string }[]> {
    const out: { teamId: string; measureId: string }[] = [];
    const iter = this.table.listEntities<{ teamId: string; measureId: string }>({
      queryOptions: { filter: odata`PartitionKey eq ${PK.idea(ideaId)}` },
    });
    for await (const e of iter) out.push({ teamId: e.teamId, measureId: e.measureId });
    return out;
  }

  /** changes what a measure is (title, description, owner, date, ideas); status and notes stay. */
  async edit(
    teamId: string,
    measureId: string,
    change: Partial<Pick<Measure, 'title' | 'description' | 'ownerId' | 'ownerName' | 'dueDate' | 'ideaIds'>>,
  ): Promise<Measure> {
    return this.update(teamId, measureId, (m) => ({ ...m, ...definedOnly(change) }));
  }

  /** moves a measure to a new status (checked by the caller: core/measures `checkMeasureTransition`). */
  async setStatus(teamId: string, measureId: string, change: MeasureStatusChange, at: Date): Promise<Measure> {
    return this.update(teamId, measureId, (m) => ({
      ...m,
      status: change.status,
      statusReason: change.reason === '' ? undefined : change.reason,
      statusAt: at,
    }));
  }

  /** adds a progress note; it becomes the measure's latest note. */
  async addNote(teamId: string, measureId: string, note: MeasureNote): Promise<Measure> {
    const updated = await this.update(teamId, measureId, (m) => ({ ...m, lastNote: note }));
    const noteKey = `${newestFirstKey(note.at)}|${randomBytes(4).toString('hex')}`;
    await this.table.createEntity({
      partitionKey: PK.notes(measureId),
      rowKey: noteKey,
      measureId,
      teamId,
      text: note.text,
      byId: note.byId,
      byName: note.byName,
      at: note.at.toISOString(),
    });
    await this.table.upsertEntity(
      { partitionKey: PK.person(note.byId), rowKey: RK.note(measureId, noteKey), teamId, measureId, noteKey },
      'Replace',
    );
    return updated;
  }

  /** a measure's notes, newest first. */
  async notes(measureId: string, limit = 20): Promise<MeasureNote[]> {
    const out: MeasureNote[] = [];
    const iter = this.table.listEntities<NoteEntity>({
      queryOptions: { filter: odata`PartitionKey eq ${PK.notes(measureId)}` },
    });
    for await (const e of iter) {
      out.push({ text: e.text, byId: e.byId, byName: e.byName, at: new Date(e.at) });
      if (out.length >= limit) break;
    }
    return out;
  }

  /** the measures a person owns and the notes they wrote, for their own data. */
  async ofPerson(
    personId: string,
  ): Promise<{ owned: Measure[]; notes: (MeasureNote & { measureId: string; teamId: string })[] }> {
    const owned: Measure[] = [];
    const notes: (MeasureNote & { measureId: string; teamId: string })[] = [];
    const iter = this.table.listEntities<{ teamId: string; measureId: string; noteKey?: string }>({
      queryOptions: { filter: odata`PartitionKey eq ${PK.person(personId)}` },
    });
    for await (const row of iter) {
      if (row.noteKey === undefined) {
        const m = await this.get(row.teamId, row.measureId);
        if (m?.ownerId === personId) owned.push(m);
      } else {
        const n = await readEntity<NoteEntity>(this.table, PK.notes(row.measureId), row.noteKey);
        if (n?.byId === personId)
          notes.push({
            text: n.text,
            byId: n.byId,
            byName: n.byName,
            at: new Date(n.at),
            measureId: row.measureId,
            teamId: row.teamId,
          });
      }
    }
    return { owned, notes };
  }

  /**
   * takes a person's name out of measures (erasure, retention): as owner and note author they are shown as
   * `replacementName` and their id is dropped; the measures themselves are the organisation's and stay.
   */
  async erasePerson(personId: string, replacementName: string): Promise<number> {
    const rows: { rowKey: string; teamId: string; measureId: string; noteKey?: string }[] = [];
    const iter = this.table.listEntities<{ teamId: string; measureId: string; noteKey?: string }>({
      queryOptions: { filter: odata`PartitionKey eq ${PK.person(personId)}` },
    });
    for await (const row of iter)
      rows.push({ rowKey: row.rowKey as string, teamId: row.teamId, measureId: row.measureId, noteKey: row.noteKey });
    for (const row of rows) {
      if (row.noteKey === undefined) {
        await tolerateNotFound(
          this.update(row.teamId, row.measureId, (m) =>
            m.ownerId === personId ? { ...m, ownerId: '', ownerName: replacementName } : m,
          ),
        );
      } else {
        const n = await readEntity<NoteEntity>(this.table, PK.notes(row.measureId), row.noteKey);
        if (n?.byId === personId) {
          await this.table.updateEntity(
            { partitionKey: PK.notes(row.measureId), rowKey: row.noteKey, byId: '', byName: replacementName },
            'Merge',
            { etag: n.etag },
          );
        }
        await tolerateNotFound(
          this.update(row.teamId, row.measureId, (m) =>
            m.lastNote?.byId === personId
              ? { ...m, lastNote: { ...m.lastNote, byId: '', byName: replacementName } }
              : m,
          ),
        );
      }
    }
    await deleteRows(
      this.table,
      PK.person(personId),
      rows.map((r) => r.rowKey),
    );
    return rows.length;
  }

  /**
   * retention: in a team's measures finished (done or dropped) before `before`, the owner and every note author are no
   * longer named (`NAME_FORGOTTEN` shows instead) and their person rows go; the measures, texts and dates stay. Each
   * measure is done once (a flag on its row). Returns how many measures lost their names.
   */
  async forgetNamesOfFinished(teamId: string, before: Date): Promise<number> {
    const due: MeasureEntity[] = [];
    const iter = this.table.listEntities<MeasureEntity>({
      queryOptions: { filter: rowPrefixFilter(PK.team(teamId), 'm|') },
    });
    for await (const e of iter) {
      const finished = e.status === 'done' || e.status === 'dropped';
      if (finished && !e.namesForgotten && new Date(e.statusAt) < before) due.push(e);
    }
    for (const e of due) {
      const noteRows: { rowKey: string; byId: string }[] = [];
      const notes = this.table.listEntities<NoteEntity>({
        queryOptions: { filter: odata`PartitionKey eq ${PK.notes(e.measureId)}` },
      });
      for await (const n of notes) noteRows.push({ rowKey: n.rowKey as string, byId: n.byId });
      for (const n of noteRows) {
        await this.table.updateEntity(
          { partitionKey: PK.notes(e.measureId), rowKey: n.rowKey, byId: '', byName: NAME_FORGOTTEN },
          'Merge',
        );
        if (n.byId) await tolerateDone(this.table.deleteEntity(PK.person(n.byId), RK.note(e.measureId, n.rowKey)));
      }
      await tolerateNotFound(
        this.update(teamId, e.measureId, (m) => ({
          ...m,
          ownerId: '',
          ownerName: NAME_FORGOTTEN,
          ...(m.lastNote && { lastNote: { ...m.lastNote, byId: '', byName: NAME_FORGOTTEN } }),
        })),
      );
      await this.table.updateEntity(
        { partitionKey: PK.team(teamId), rowKey: RK.measure(e.measureId), namesForgotten: true },
        'Merge',
      );
    }
    return due.length;
  }

  /** a read-modify-write of one measure, retried on conflict; its index and link rows follow. */
  private async update(teamId: string, measureId: string, change: (m: Measure) => Measure): Promise<Measure> {
    return withConcurrencyRetry(async () => {
      const e = await readEntity<MeasureEntity>(this.table, PK.team(teamId), RK.measure(measureId));
      if (!e) throw new MeasureNotFoundError(`measure ${measureId} of team ${teamId}`);
      const before = toMeasure(e);
      const after = change(before);
      await this.table.updateEntity(
        { partitionKey: PK.team(teamId), rowKey: RK.measure(measureId), ...toEntity(after) },
        'Replace',
        { etag: e.etag },
      );
      await this.writeIndexes(before, after);
      return after;
    });
  }

  /** keeps the open index, the idea links and the owner's person row in step with a measure. */
  private async writeIndexes(before: Measure | undefined, after: Measure): Promise<void> {
    const wasOpen = before !== undefined && OPEN_STATUSES.has(before.status);
    const isOpen = OPEN_STATUSES.has(after.status);
    if (wasOpen && (!isOpen || before.dueDate !== after.dueDate))
      await tolerateDone(this.table.deleteEntity(PK.open, RK.open(before)));
    if (isOpen) {
      await this.table.upsertEntity(
        {
          partitionKey: PK.open,
          rowKey: RK.open(after),
          teamId: after.teamId,
          measureId: after.measureId,
          dueDate: after.dueDate,
        },
        'Replace',
      );
    }
    const ideasBefore = new Set(before?.ideaIds ?? []);
    for (const ideaId of after.ideaIds.filter((id) => !ideasBefore.has(id))) {
      await this.table.upsertEntity(
        {
          partitionKey: PK.idea(ideaId),
          rowKey: RK.link(after.teamId, after.measureId),
          teamId: after.teamId,
          measureId: after.measureId,
        },
        'Replace',
      );
    }
    for (const ideaId of [...ideasBefore].filter((id) => !after.ideaIds.includes(id))) {
      await tolerateDone(this.table.deleteEntity(PK.idea(ideaId), RK.link(after.teamId, after.measureId)));
    }
    if (before?.ownerId !== after.ownerId) {
      if (before?.ownerId)
        await tolerateDone(this.table.deleteEntity(PK.person(before.ownerId), RK.owner(after.teamId, after.measureId)));
      if (after.ownerId) {
        await this.table.upsertEntity(
          {
            partitionKey: PK.person(after.ownerId),
            rowKey: RK.owner(after.teamId, after.measureId),
            teamId: after.teamId,
            measureId: after.measureId,
          },
          'Replace',
        );
      }
    }
  }
}

async function tolerateNotFound(work: Promise<unknown>): Promise<void> {
  try {
    await work;
  } catch (e) {
    if (!(e instanceof MeasureNotFoundError)) throw e;
  }
}
