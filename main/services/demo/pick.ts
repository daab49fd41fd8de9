/** Chooses one of several choices; a port so tests can say which (the demo varies what customers write). */
export type PickOne = <T>(choices: readonly T[]) => T | undefined;

export const randomPick: PickOne = (choices) => choices[Math.floor(Math.random() * choices.length)];
