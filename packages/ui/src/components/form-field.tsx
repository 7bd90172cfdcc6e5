import { cloneElement, isValidElement, type ReactElement, type ReactNode, useId } from 'react';
import { cn } from '../lib/cn';
import { Label } from './label';

type ControlProps = { id?: string; 'aria-invalid'?: boolean; 'aria-describedby'?: string };

export type FormFieldProps = {
  label: ReactNode;
  /** The message shown under the control; marks the control invalid. */
  error?: string | undefined;
  hint?: ReactNode;
  className?: string;
  children: ReactElement<ControlProps>;
};

/** A label, one control and its error or hint, wired together with ids and aria attributes. */
export function FormField({ label, error, hint, className, children }: FormFieldProps) {
  const generated = useId();
  const id = (isValidElement(children) && children.props.id) || generated;
  const messageId = `${id}-message`;
  const control = cloneElement(children, {
    id,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': error || hint ? messageId : undefined,
  });
  return (
    <div className={cn('grid gap-1.5', className)}>
      <Label htmlFor={id}>{label}</Label>
      {control}
      {error ? (
        <p id={messageId} role="alert" className="text-xs font-medium text-red-600" data-testid="field-error">
          {error}
        </p>
      ) : hint ? (
        <p id={messageId} className="text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

/** A bare error line for compact layouts (e.g. a table cell). */
export function FieldError({ message, id }: { message: string | undefined; id?: string }) {
  if (!message) return null;
  return (
    <p id={id} role="alert" className="mt-1 text-xs font-medium text-red-600" data-testid="field-error">
      {message}
    </p>
  );
}
