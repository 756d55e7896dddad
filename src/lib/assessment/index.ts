export * from './types.ts';
export * from './answers.ts';
export * from './scoring.ts';
export * from './aggregate.ts';
export * from './findings.ts';
export { versions, currentVersion, getVersion } from './versions/index.ts';
export * from './sections.ts';
export * from './privacy.ts';
export * from './movement.ts';
