export * from './objects.ts';
export * from './yaml.ts';
export * from './urls.ts';
export * from './import.ts';
