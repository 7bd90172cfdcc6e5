/** Runs every benchmark in turn; each writes docs/bench/<name>.{json,md}. */
await import('./p3-sign-in');
