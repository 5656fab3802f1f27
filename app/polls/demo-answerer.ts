import { optionsOf, type Item } from '../../core/items';
import type { Storage } from '../../storage/open-storage';

/** a mock user of the Agents Playground's tenant. */
export interface MockUser {
  aadObjectId: string;
  name: string;
}

/** realistic answers to idea prompts, as staff of an Amt or Jobcenter would write them. */
const SAMPLE_IDEAS = [
  'Eine kurze Teamrunde am Montag, in der wir die Woche und Vertretungen abstimmen.',
  'Gemeinsame Textbausteine für Bescheide, damit nicht jede*r eigene Formulierungen pflegt.',
  'Ein fester Ansprechpartner für IT-Fragen pro Etage statt Tickets für jede Kleinigkeit.',
  'Neue Kolleginnen und Kollegen bekommen in den ersten Wochen eine Patin oder einen Paten.',
  'Digitale Terminvergabe für Vorsprachen, damit der Wartebereich morgens nicht überläuft.',
  'Einmal im Quartal hospitieren wir in einem anderen Sachgebiet.',
  'Eine Übersicht, wer welche Spezialfälle kennt – dann fragen wir gezielt statt herum.',
  'Ruhige Stunde am Vormittag ohne Telefon, um Akten konzentriert abzuarbeiten.',
];

/** answers an item as the Playground's mock users, so a single person sees results in local mode. */
export class DemoAnswerer {
  constructor(
    private readonly storage: Storage,
    private readonly users: MockUser[],
    private readonly now: () => Date,
    private readonly random: () => number = Math.random,
  ) {}

  /** lets every mock user answer once; returns how many answered. */
  async answer(item: Item): Promise<number> {
    const n = optionsOf(item).length;
    let answered = 0;
    for (const [i, user] of this.users.entries()) {
      const who = { aadObjectId: user.aadObjectId, name: user.name };
      if (item.kind === 'idea') {
        const text = SAMPLE_IDEAS[
          (i + Math.floor(this.random() * SAMPLE_IDEAS.length)) % SAMPLE_IDEAS.length
        ] as string;
        if (
          (await this.storage.responses.submitIdea(item, who, text, `demo|${item.id}|${user.aadObjectId}`, this.now()))
            .status === 'recorded'
        )
          answered++;
        continue;
      }
      const result = await this.storage.responses.castVote(
        item,
        who,
        this.pick(n, item.pollKind === 'multi'),
        this.now(),
      );
      if (result.status === 'recorded' || result.status === 'unchanged') answered++;
    }
    await this.storage.background.settle(); // anonymous answers folded into their group, so the card counts them
    return answered;
  }

  /** leans towards the first options, as real polls tend to. */
  private pick(n: number, multi: boolean): number[] {
    const one = () => Math.min(n - 1, Math.floor(this.random() * this.random() * n * 1.5));
    if (!multi) return [one()];
    return [...new Set([one(), one()])];
  }
}
