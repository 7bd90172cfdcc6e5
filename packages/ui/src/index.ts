export { AuthLayout, authCardClass } from './auth/auth-layout';
export { ChangePasswordCard } from './auth/change-password-card';
export { ChangePasswordForm } from './auth/change-password-form';
export { EmailField } from './auth/email-field';
export { authErrorMessage, errorDetails, passwordPolicyReasons } from './auth/error-details';
export { ForgotPasswordPage } from './auth/forgot-password-page';
export { MySessionsCard } from './auth/my-sessions-card';
export {
  checkNewPassword,
  type NewPasswordErrors,
  NewPasswordFields,
  newPasswordErrors,
} from './auth/new-password-fields';
export { type SessionExpiring, SessionExpiryPrompt, useSessionEvents } from './auth/session-events';
export { SetPasswordByLinkPage } from './auth/set-password-by-link-page';
export { SignInPage, type SignInPageProps } from './auth/sign-in-page';
export { hasCapability, useMe, useSignOut } from './auth/use-session';
export { AppShell, type AppShellProps, type Me, NavSection, navLinkClass } from './components/app-shell';
export { Badge } from './components/badge';
export { Button, type ButtonProps, buttonVariants } from './components/button';
export { Card, PageHeader } from './components/card';
export { ConfirmDialog } from './components/confirm-dialog';
export { ConnectionIndicator } from './components/connection-indicator';
export { type Column, DataTable, type DataTableProps } from './components/data-table';
export { Dialog, DialogClose, DialogContent, DialogFooter, DialogTrigger } from './components/dialog';
export { Drawer } from './components/drawer';
export { FieldError, FormField, type FormFieldProps } from './components/form-field';
export { Checkbox, Input, inputClass, Select } from './components/input';
export { Label } from './components/label';
export { PasswordHints, type PasswordIdentity } from './components/password-hints';
export { Alert, EmptyState, ErrorState, LoadingState } from './components/states';
export { Tabs, TabsContent, TabsList, TabsTrigger } from './components/tabs';
export { Toaster, toast } from './components/toaster';
export { cn } from './lib/cn';
export { errorCode, errorMessage, fieldErrors, firstFieldErrors } from './lib/errors';
export { formatAgo, formatDate, formatDateTime } from './lib/format';
export {
  formatRange,
  isMasterKind,
  KINDS_WITH_DAYS,
  kindToSlug,
  MASTER_KIND_LABELS,
  MASTER_KIND_SINGULAR,
  MASTER_KINDS,
  type MasterKind,
  slugToKind,
} from './lib/masters';
export * from './notifications';
export * from './trade';
export type { ConnectionState } from './trpc/connection';
export { createKapasClients, type KapasClients, KapasProvider, useConnectionState } from './trpc/provider';
export { trpc } from './trpc/trpc';
export { useMastersLive } from './trpc/use-masters-live';
