import { payloadInput, unknownChannelInput, type PayloadInput } from './payloads';
import { prng } from './prng';
import { sheetInput, type SheetInput } from './spreadsheets';

export type FuzzInput = PayloadInput | SheetInput;

/**
 * `count` broken or malicious inputs from `seed`, the same ones every time: about two payloads for each
 * spreadsheet, and now and then a channel the contract does not have.
 */
export function generateInputs(seed: number, count: number): FuzzInput[] {
  const rand = prng(seed);
  return Array.from({ length: count }, (_, i) => {
    const roll = rand.next();
    if (roll < 0.05) return unknownChannelInput(rand, i);
    if (roll < 0.68) return payloadInput(rand, i);
    return sheetInput(rand, i);
  });
}
