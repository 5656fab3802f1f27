import { keyPart } from './tables';

/**
 * the per-person index of named votes, in Responses: partition `votes|<person>`, one row per item
 * (`vote|<item id>`). Written before the vote, removed after it, so a person's votes are found for their
 * own data (export, erasure) without reading every item. Anonymous votes have no such row.
 */
export const namedVoteIndex = {
  pk: (aadObjectId: string) => `votes|${keyPart(aadObjectId)}`,
  rk: (itemId: string) => `vote|${itemId}`,
};
