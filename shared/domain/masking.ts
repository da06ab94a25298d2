/**
 * Personal data on lists and exports: a phone number shows enough to tell two people apart and to recognise one's
 * own, not enough to call. Full values leave the program only when the clerk asks for them (domain.md §2).
 */

/** 138****5678 for a mobile; 0575-****2345 for a landline (the area code is public); blank stays blank. */
export function maskPhone(phone: string): string {
  const value = phone.trim();
  if (value === '') return '';
  if (/^1\d{10}$/.test(value)) return `${value.slice(0, 3)}****${value.slice(-4)}`;
  const landline = /^(0\d{2,3}-?)?(\d{7,8})(-\d{1,6})?$/.exec(value);
  if (landline) return `${landline[1] ?? ''}${'*'.repeat(landline[2]!.length - 4)}${landline[2]!.slice(-4)}`;
  // Anything else (typed before the field was checked): keep the last four characters only.
  return value.length <= 4 ? '*'.repeat(value.length) : `${'*'.repeat(value.length - 4)}${value.slice(-4)}`;
}

/** A masked value carries this; an import never lets such a value overwrite real data (domain.md §9). */
export function isMasked(value: string): boolean {
  return value.includes('*');
}
