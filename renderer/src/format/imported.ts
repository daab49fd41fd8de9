/** Said wherever imported messages show: the owner must not expect them to open a window. */
export const IMPORTED_NOTE =
  'Imported from a chat export — history only; it does not open the 24-hour window.';
