/** Member filters from the contract to SQL: local join days become instants in the workspace's zone. */
import { isoToDay } from '../../../shared/kpi/period';
import type { MemberFilter, ResolvedMemberFilter } from '../../../shared/member-grid';
import { startOfDayUtc } from '../../../shared/time';

/**
 * The filter with `joinedFrom` / `joinedTo` (local days) resolved to the UTC instants at which
 * those days start in `timeZone`, which is what memberFilterSql compares member.first_seen with.
 *
 * @example
 * resolveMemberFilter({ joinedFrom: '2026-03-01', joinedTo: '2026-04-01' }, 'Asia/Shanghai')
 * // { joinedFrom: '2026-03-01', joinedTo: '2026-04-01', joinedFromTs: Date.UTC(2026, 1, 28, 16), joinedToTs: Date.UTC(2026, 2, 31, 16) }
 */
export function resolveMemberFilter(filter: MemberFilter, timeZone: string): ResolvedMemberFilter {
  const resolved: ResolvedMemberFilter = { ...filter };
  if (filter.joinedFrom !== undefined) resolved.joinedFromTs = startOfDayUtc(isoToDay(filter.joinedFrom), timeZone);
  if (filter.joinedTo !== undefined) resolved.joinedToTs = startOfDayUtc(isoToDay(filter.joinedTo), timeZone);
  return resolved;
}
