import { createHmac } from 'node:crypto';
import { isoWeekKey } from '../../core/iso-week';
import { SealedBox } from '../../storage/sealed-box';
import type { CensusRow } from './table-census';

// The attacker of docs/privacy.md: with a copy of every table (T1: and every secret) they try to tie anonymous
// answers to people. They know the code, so they compute every pseudonym the code can compute and open every sealed
// value. The test that uses this module knows the truth (who answered what) and judges what the attacker found.

/** a person the attacker tries to find: everything that could identify them in a row. */
export interface Suspect {
  id: string;
  aadObjectId: string;
  name: string;
}

/** an anonymous item under attack. */
export interface Target {
  id: string;
  teamId: string;
  kind: 'poll' | 'idea';
}

/**
 * what one moment of writing reveals. Azure gives every row of a batch transaction one Timestamp; Azurite stamps them
 * 100 ns apart, so a moment here is a millisecond: rows written together always share it.
 */
export interface Write {
  time: string;
  /** the rows written at that moment. */
  rows: CensusRow[];
  /** people the rows of that moment identify (by id, name, or a pseudonym the attacker computed). */
  people: Set<string>;
  /** answer content readable in the rows of that moment: idea texts, and ballots (a choice list per voter). */
  texts: string[];
  ballots: number;
  /** plain or opened counts: the number of voters a stored (running or final) tally holds. */
  tallyVoters: number[];
}

const META = new Set(['partitionKey', 'rowKey', 'timestamp', 'etag']);
const ideaPartitionOf = (itemId: string) => `prompt|${itemId}`;

/** every value a row holds, sealed values opened with the secret when there is one (T1), as text. */
function openedValues(row: CensusRow['row'], box: SealedBox | undefined): unknown[] {
  const out: unknown[] = [];
  for (const [k, v] of Object.entries(row)) {
    if (META.has(k)) continue;
    out.push(v);
    if (box && typeof v === 'string' && v.length >= 40 && /^[A-Za-z0-9+/=]+$/.test(v)) {
      try {
        out.push(box.open(v, row.partitionKey, row.rowKey));
      } catch {
        /* not sealed, or not for this row */
      }
    }
  }
  return out;
}

/**
 * the attacker's reading of a dump: per moment of writing, what the rows of anonymous items reveal and whom the
 * rows written at that moment (in any table) identify. Without a secret (T2) no pseudonym is computed and nothing
 * sealed opens.
 */
export function readDump(
  rows: CensusRow[],
  targets: Target[],
  suspects: Suspect[],
  secret: string | undefined,
  timeZone: string,
  options: { eachRowAlone?: boolean } = {},
): Write[] {
  const box = secret ? new SealedBox(secret) : undefined;
  const hmac = (text: string) =>
    secret ? createHmac('sha256', secret).update(text).digest('hex').slice(0, 40) : undefined;
  // every token that names a suspect, with the secret: the per-item pseudonyms, the old global one, participation keys.
  const tokens = new Map<string, string>();
  for (const p of suspects) {
    for (const t of [p.id, p.aadObjectId, p.name]) tokens.set(t, p.aadObjectId);
    const legacy = hmac(p.aadObjectId);
    if (legacy) tokens.set(legacy, p.aadObjectId);
    for (const item of targets) {
      for (const scope of ['voter', 'author']) {
        const key = hmac(`${scope}|${item.id}|${p.aadObjectId}`);
        if (key) tokens.set(key, p.aadObjectId);
      }
      const week = isoWeekKey(new Date(), timeZone);
      const participation = hmac(`participation|${item.teamId}|${week}|${p.aadObjectId}`);
      if (participation) tokens.set(participation, p.aadObjectId);
    }
  }
  const byTime = new Map<string, Write>();
  for (const r of rows) {
    const time = options.eachRowAlone
      ? `${String(r.row.timestamp)} ${r.table}/${r.row.partitionKey}/${r.row.rowKey}`
      : String(r.row.timestamp).slice(0, 23);
    const w = byTime.get(time) ?? { time, rows: [], people: new Set<string>(), texts: [], ballots: 0, tallyVoters: [] };
    byTime.set(time, w);
    w.rows.push(r);
    const values = openedValues(r.row, box);
    const text = JSON.stringify([r.row.partitionKey, r.row.rowKey, values]);
    for (const [token, person] of tokens) if (text.includes(token)) w.people.add(person);
    const target = targets.find((t) => r.row.partitionKey === t.id || r.row.partitionKey === ideaPartitionOf(t.id));
    if (!target) continue;
    if (typeof r.row.text === 'string') w.texts.push(r.row.text);
    if (typeof r.row.counts === 'string' && typeof r.row.voters === 'number') w.tallyVoters.push(r.row.voters);
    for (const v of values) if (typeof v !== 'string') collectContent(v, w);
  }
  return [...byTime.values()].sort((a, b) => a.time.localeCompare(b.time));
}

/** the answer content in one opened sealed value: texts, ballots, tallies. */
function collectContent(value: unknown, w: Write): void {
  if (Array.isArray(value) && value.every((x) => typeof x === 'number')) {
    w.ballots++;
    return;
  }
  if (value && typeof value === 'object') {
    const v = value as { text?: unknown; texts?: unknown; counts?: unknown; voters?: unknown };
    if (typeof v.text === 'string') w.texts.push(v.text);
    if (Array.isArray(v.texts)) w.texts.push(...v.texts.filter((t): t is string => typeof t === 'string'));
    if (Array.isArray(v.counts) && typeof v.voters === 'number') w.tallyVoters.push(v.voters);
  }
}
