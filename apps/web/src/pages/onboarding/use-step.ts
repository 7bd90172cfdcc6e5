import { type FormEvent, useState } from 'react';
import { type DataOf, type Errors, issuesToErrors, type StepName, type StepProps } from './form-kit';
import { STEP_SCHEMAS } from './schemas';

/**
 * Validates a step with the shared zod schema before anything is sent (field errors at once),
 * then saves it; the API's own field errors replace the local ones when they arrive.
 */
export function useStep<S extends StepName>(step: S, props: StepProps, values: () => DataOf<S>) {
  const [local, setLocal] = useState<Errors>({});
  const [shownApi, setShownApi] = useState(props.apiErrors);
  if (shownApi !== props.apiErrors) {
    setShownApi(props.apiErrors);
    setLocal({});
  }
  const errors: Errors = { ...props.apiErrors, ...local };
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = values();
    const result = STEP_SCHEMAS[step].safeParse(data);
    if (!result.success) {
      setLocal(issuesToErrors(result.error.issues));
      return;
    }
    setLocal({});
    props.onSave(step, data);
  };
  return { errors, submit };
}
