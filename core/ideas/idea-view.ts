import type { IdeaStatus } from './idea-status';

/** one idea as digests, cards and exports see it (read from storage by the caller). */
export interface IdeaView {
  ideaId: string;
  /** the idea prompt (item) the idea answers. */
  itemId: string;
  text: string;
  status: IdeaStatus;
  supportCount: number;
  /** people who volunteered ("Ich mache mit"); volunteering is always named. */
  volunteers: { name: string }[];
  /** submitted to an anonymous prompt: no author is known, and no names are shown next to it. */
  anonymous: boolean;
  /** the author's display name; only for named ideas. */
  authorName?: string;
  createdAt: Date;
  /** distinct people who submitted ideas to the same prompt; anonymous texts show only from the minimum group size. */
  promptParticipants: number;
  /**
   * the prompt is closed. Anonymous texts show only then (core/tally.ts ideaTextsVisible): while answers can
   * still come in, comparing two views would tell whose text is new. Pass all ideas of an anonymous prompt, not a
   * slice by time, so no view shows a subgroup smaller than the minimum group size.
   */
  promptClosed: boolean;
}
