/**
 * The shapes of everything that crosses the IPC bridge or lands in a data file. Types are inferred from
 * these schemas, so the runtime check in the main process and the compile-time type cannot drift apart.
 * Pure: imports only zod, so the domain, the store, the preload and the renderer can all share it.
 *
 * One file per concern; this barrel keeps `contract/model` the one name to import them by.
 */
export * from './primitives';
export * from './contact';
export * from './message';
export * from './contact-row';
export * from './settings';
export * from './workspace';
export * from './template';
export * from './template-parts';
export * from './template-submission';
export * from './follow-up';
export * from './notifications';
export * from './answer-faster';
export * from './labels';
export * from './attachments';
