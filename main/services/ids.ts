import { randomUUID } from 'node:crypto';

/** Ids for contacts and messages; a port so tests can make them predictable. */
export type IdFactory = () => string;

export const randomIds: IdFactory = () => randomUUID();
