import type { SourceId } from '../sources/ids';
import type { Issue } from '../shared/issue-types';
import type { SourceStatus } from '../shared/records';
import type { StoredIssue } from './issue-codec';
import type { LatestList } from './list-view';

/**
 * What a page's first read answers before the worker has written anything.
 * Apart from lib/history/plain-read.ts, so that the pages can name "nothing"
 * without carrying the plain reads, which their early scripts make (issue #8:
 * the reads are in entrypoints/first-read.ts and first-screen.ts; a page loads
 * them only should its early script not have run).
 */
export interface IssuePageRead {
  /** The stored issue asked for (or the latest, when that number is not stored), as stored: decode with lib/history/issue-codec. */
  record: StoredIssue | Issue | undefined;
  latestNumber: number | undefined;
  statuses: SourceStatus[];
}

export interface ListsRead {
  lists: (LatestList | undefined)[];
  statuses: (SourceStatus | undefined)[];
}

export const NO_ISSUE_PAGE: IssuePageRead = { record: undefined, latestNumber: undefined, statuses: [] };

/** No list and no status for any of `sourceIds`. */
export function noLists(sourceIds: readonly SourceId[]): ListsRead {
  return { lists: sourceIds.map(() => undefined), statuses: sourceIds.map(() => undefined) };
}
