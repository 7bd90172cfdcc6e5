export * from './api-token';
export * from './capabilities';
export * from './common-passwords';
export * from './lockout';
export * from './otp';
export * from './password';
export * from './password-policy';
export * from './session-token';
