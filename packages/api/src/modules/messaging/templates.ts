/** Built-in message templates; admins may override them (message_templates table). `{{name}}` placeholders. */
export type TemplateCode =
  | 'SIGN_IN_OTP'
  | 'PASSWORD_RESET'
  | 'INVITE'
  | 'PASSWORD_CHANGED'
  | 'VERIFY_EMAIL_OTP'
  | 'VERIFY_MOBILE_OTP'
  | 'WELCOME'
  | 'APPLICATION_REJECTED'
  | 'NOTIFICATION'
  | 'NOTIFICATION_DIGEST';

export type TemplateBody = { subject: string | null; body: string };

export const DEFAULT_TEMPLATES: Record<TemplateCode, { EMAIL: TemplateBody; SMS?: TemplateBody }> = {
  SIGN_IN_OTP: {
    EMAIL: {
      subject: 'Your Kapas sign-in code',
      body: 'Hello {{name}},\n\nYour Kapas sign-in code is {{code}}. It is valid for 10 minutes and can be used once.\nIf you did not try to sign in, change your password.\n',
    },
    SMS: { subject: null, body: 'Kapas sign-in code: {{code}} (valid 10 minutes). Never share it.' },
  },
  PASSWORD_RESET: {
    EMAIL: {
      subject: 'Reset your Kapas password',
      body: 'Hello {{name}},\n\nOpen this link within 1 hour to choose a new password:\n{{link}}\n\nOr enter this code on the reset page: {{code}}\n\nIf you did not ask for this, ignore this message.\n',
    },
  },
  INVITE: {
    EMAIL: {
      subject: '{{inviter}} invited you to Kapas',
      body: 'Hello {{name}},\n\n{{inviter}} invited you to {{partner}} on Kapas.\nOpen this link within 7 days to set your password:\n{{link}}\n',
    },
  },
  PASSWORD_CHANGED: {
    EMAIL: {
      subject: 'Your Kapas password was changed',
      body: 'Hello {{name}},\n\nYour password was changed and your other sessions were ended. If this was not you, contact support now.\n',
    },
  },
  VERIFY_EMAIL_OTP: {
    EMAIL: { subject: 'Verify your email for Kapas', body: 'Your Kapas verification code is {{code}} (valid 10 minutes).\n' },
  },
  VERIFY_MOBILE_OTP: {
    EMAIL: { subject: null, body: 'Kapas verification code: {{code}} (valid 10 minutes).' },
    SMS: { subject: null, body: 'Kapas verification code: {{code}} (valid 10 minutes).' },
  },
  WELCOME: {
    EMAIL: {
      subject: 'Welcome to Kapas, {{partner}}',
      body: 'Hello {{name}},\n\n{{partner}} ({{number}}) is now an active Kapas partner.\nOpen this link within 7 days to set your password and sign in:\n{{link}}\n',
    },
  },
  APPLICATION_REJECTED: {
    EMAIL: {
      subject: 'Your Kapas application was not approved',
      body: 'Hello {{name}},\n\nWe could not approve the application for {{partner}}.\nReason: {{reason}}\n\nYou can contact support if you have questions.\n',
    },
  },
  NOTIFICATION: {
    EMAIL: { subject: '{{title}}', body: 'Hello {{name}},\n\n{{body}}\n\n{{link}}\n' },
    SMS: { subject: null, body: 'Kapas: {{title}}' },
  },
  NOTIFICATION_DIGEST: {
    EMAIL: { subject: 'Your Kapas digest: {{count}} updates', body: 'Hello {{name}},\n\n{{items}}\n' },
  },
};
