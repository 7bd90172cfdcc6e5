export * from './capabilities';
export * from './password';
export * from './session-token';
