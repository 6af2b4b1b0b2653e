export * from './objects.ts';
export * from './yaml.ts';
export * from './urls.ts';
export * from './import.ts';
export * from './share/index.ts';
export * from './notifier.ts';
export * from './lint-format.ts';
