export * from './dates';
export * from './schema';
export * from './pin';
export * from './registration-gaps';
export * from './validate';
