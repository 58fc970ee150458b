// How the parser stores each line's owner in one Int32Array: an entry's index,
// NO_OWNER, or a section as SECTION_BASE minus its index.

export const NO_OWNER = -1;
export const SECTION_BASE = -2;

export function sectionOwner(sectionIndex: number): number {
  return SECTION_BASE - sectionIndex;
}
