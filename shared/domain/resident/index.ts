export * from './code-tables';
export * from './fields';
export * from './household';
export * from './person';
export * from './certificate';
export * from './search-keys';
