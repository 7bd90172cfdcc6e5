import pino from 'pino';

export type Logger = pino.Logger;

/** JSON logs; tokens, cookies and passwords are redacted wherever they appear in a logged object. */
export function createLogger(level: string): Logger {
  return pino({
    level,
    redact: {
      paths: ['*.password', '*.token', '*.cookie', '*.authorization', 'req.headers.cookie', 'req.headers.authorization', '*.otp'],
      censor: '[redacted]',
    },
  });
}
