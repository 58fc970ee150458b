import { randomBytes } from 'node:crypto';

/** Fresh secrets come from the operating system's secure random source, never from a fixed value. */
export function secureRandomHex(digits: number): string {
  return randomBytes(Math.ceil(digits / 2)).toString('hex').slice(0, digits);
}
