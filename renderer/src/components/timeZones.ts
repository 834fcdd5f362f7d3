/** Time zones offered in the picker: where Hearth's users most often run communities. */
export const commonTimeZones = [
  'Asia/Shanghai',
  'Asia/Hong_Kong',
  'Asia/Taipei',
  'Asia/Singapore',
  'Asia/Tokyo',
  'Asia/Seoul',
  'Asia/Kuala_Lumpur',
  'Asia/Bangkok',
  'Asia/Kolkata',
  'Asia/Dubai',
  'Europe/London',
  'Europe/Paris',
  'Europe/Berlin',
  'America/New_York',
  'America/Chicago',
  'America/Los_Angeles',
  'America/Vancouver',
  'Australia/Sydney',
  'UTC',
] as const;

export function isCommonTimeZone(zone: string): boolean {
  return (commonTimeZones as readonly string[]).includes(zone);
}

/**
 * The zone with its current UTC offset.
 *
 * @example
 * timeZoneLabel('Asia/Shanghai') // 'Asia/Shanghai (GMT+8)'
 */
export function timeZoneLabel(zone: string, at = new Date()): string {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'shortOffset' }).formatToParts(at);
  const offset = parts.find((p) => p.type === 'timeZoneName')?.value;
  return offset ? `${zone} (${offset})` : zone;
}
