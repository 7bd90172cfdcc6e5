import { zodResolver } from '@hookform/resolvers/zod';
import type { RouterOutputs } from '@kapas/api';
import {
  Alert,
  Badge,
  Button,
  Card,
  Checkbox,
  ErrorState,
  errorCode,
  FieldError,
  FormField,
  Input,
  LoadingState,
  PageHeader,
  Select,
  toast,
  trpc,
} from '@kapas/ui';
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { ArrowLeft, Plus, Trash2 } from 'lucide-react';
import { type ReactNode, useState } from 'react';
import { type FieldErrors, useFieldArray, useForm } from 'react-hook-form';
import {
  type CommodityForm,
  commodityFormSchema,
  emptyCommodity,
  emptyParameter,
  isCommodityFormPath,
  normalizeCommodityPath,
  toForm,
  toInput,
} from '../lib/commodity-form';
import { useCanWriteMasters } from '../lib/permissions';
import { applyServerErrors } from '../lib/server-errors';

type Commodity = RouterOutputs['masters']['commodity'];

export function NewCommodityPage() {
  const navigate = useNavigate();
  const utils = trpc.useUtils();
  const create = trpc.masters.createCommodity.useMutation({
    onSuccess: (row) => {
      toast.success(`${row.name} created`);
      void utils.masters.invalidate();
      void navigate({ to: '/commodities' });
    },
  });
  return (
    <CommodityEditor
      title="New commodity"
      initial={emptyCommodity}
      onSubmit={(values) => create.mutateAsync(toInput(values))}
      saving={create.isPending}
    />
  );
}

export function EditCommodityPage() {
  const { id } = useParams({ from: '/app/commodities/$id' });
  const commodity = trpc.masters.commodity.useQuery({ id });
  if (commodity.isPending) return <LoadingState />;
  if (commodity.isError) return <ErrorState error={commodity.error} onRetry={() => void commodity.refetch()} />;
  return <EditExisting key={commodity.data.id} commodity={commodity.data} />;
}

function EditExisting({ commodity }: { commodity: Commodity }) {
  const navigate = useNavigate();
  const utils = trpc.useUtils();
  // The version the form was loaded from: a live update must not silently move it forward.
  const [base, setBase] = useState(commodity);
  const [formKey, setFormKey] = useState(0);
  const update = trpc.masters.updateCommodity.useMutation({
    onSuccess: (row) => {
      toast.success(`${row.name} saved`);
      void utils.masters.invalidate();
      void navigate({ to: '/commodities' });
    },
  });
  const changedElsewhere = commodity.version !== base.version;
  return (
    <CommodityEditor
      key={formKey}
      title={`Edit ${base.name}`}
      initial={toForm(base)}
      status={base.active ? 'active' : 'inactive'}
      notice={
        changedElsewhere ? (
          <Alert tone="info" className="flex items-center justify-between gap-3">
            <span>Someone else changed this commodity after you opened it.</span>
            <Button
              size="sm"
              variant="secondary"
              onClick={() => {
                setBase(commodity);
                setFormKey((k) => k + 1);
              }}
            >
              Load latest
            </Button>
          </Alert>
        ) : null
      }
      onSubmit={(values) => update.mutateAsync({ ...toInput(values), id: base.id, version: base.version })}
      saving={update.isPending}
    />
  );
}

type EditorProps = {
  title: string;
  initial: CommodityForm;
  status?: 'active' | 'inactive';
  notice?: ReactNode;
  onSubmit: (values: CommodityForm) => Promise<unknown>;
  saving: boolean;
};

function CommodityEditor({ title, initial, status, notice, onSubmit, saving }: EditorProps) {
  const canWrite = useCanWriteMasters();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<CommodityForm>({ resolver: zodResolver(commodityFormSchema), defaultValues: initial, mode: 'onTouched' });
  const { register, control, handleSubmit, formState, setError, watch } = form;
  const params = useFieldArray({ control, name: 'qualityTemplate' });
  const errors: FieldErrors<CommodityForm> = formState.errors;

  const submit = handleSubmit(async (values) => {
    setFormError(null);
    try {
      await onSubmit(values);
    } catch (error) {
      const message = applyServerErrors(error, setError, isCommodityFormPath, normalizeCommodityPath);
      if (message) {
        setFormError(message);
        if (errorCode(error) !== 'CONFLICT') toast.error(message);
      }
    }
  });

  return (
    <div className="mx-auto max-w-6xl">
      <Link to="/commodities" className="mb-3 inline-flex items-center gap-1 text-sm text-slate-500 hover:text-slate-900">
        <ArrowLeft className="size-4" aria-hidden /> Commodities
      </Link>
      <PageHeader
        title={title}
        actions={
          <>
            {status ? (
              <Badge tone={status === 'active' ? 'success' : 'neutral'}>{status === 'active' ? 'Active' : 'Inactive'}</Badge>
            ) : null}
            {canWrite ? null : <Badge>Read only</Badge>}
          </>
        }
      />
      <form onSubmit={submit} noValidate aria-label={title} className="grid min-w-0 grid-cols-1 gap-6">
        {notice}
        {formError ? <Alert data-testid="form-error">{formError}</Alert> : null}
        <fieldset disabled={!canWrite || saving} className="min-w-0 space-y-6">
          <Card className="grid gap-4 p-5 sm:grid-cols-3">
            <FormField label="Code" error={errors.code?.message}>
              <Input {...register('code')} autoCapitalize="characters" />
            </FormField>
            <FormField label="Name" error={errors.name?.message} className="sm:col-span-2">
              <Input {...register('name')} />
            </FormField>
            <FormField label="HSN code" error={errors.hsnCode?.message}>
              <Input {...register('hsnCode')} inputMode="numeric" />
            </FormField>
            <FormField label="GST rate (%)" error={errors.gstRate?.message}>
              <Input {...register('gstRate')} inputMode="decimal" />
            </FormField>
            <div className="grid grid-cols-2 gap-4">
              <FormField label="Trade unit" error={errors.tradeUnit?.message}>
                <Input {...register('tradeUnit')} />
              </FormField>
              <FormField label="Rate unit" error={errors.rateUnit?.message}>
                <Input {...register('rateUnit')} />
              </FormField>
            </div>
          </Card>

          <Card>
            <div className="flex items-center justify-between border-b border-slate-200 px-5 py-3">
              <div>
                <h2 className="text-base font-semibold text-slate-900">Quality template</h2>
                <p className="text-sm text-slate-500">Parameters every lot of this commodity is graded on.</p>
              </div>
              {canWrite ? (
                <Button type="button" variant="secondary" size="sm" onClick={() => params.append({ ...emptyParameter })}>
                  <Plus aria-hidden /> Add parameter
                </Button>
              ) : null}
            </div>
            {errors.qualityTemplate?.message ? <FieldError message={errors.qualityTemplate.message} /> : null}
            {params.fields.length === 0 ? (
              <p className="px-5 py-8 text-center text-sm text-slate-500">No parameters yet.</p>
            ) : (
              <div className="overflow-x-auto">
                <table className="w-full text-left text-sm" aria-label="Quality parameters">
                  <thead className="bg-slate-50 text-xs font-medium tracking-wide text-slate-500 uppercase">
                    <tr>
                      <th className="px-3 py-2">Name</th>
                      <th className="px-3 py-2">Label</th>
                      <th className="px-3 py-2">Unit</th>
                      <th className="px-3 py-2">Kind</th>
                      <th className="px-3 py-2">Min</th>
                      <th className="px-3 py-2">Max</th>
                      <th className="px-3 py-2">Step</th>
                      <th className="px-3 py-2">Weight</th>
                      <th className="px-3 py-2">Mandatory</th>
                      <th className="px-3 py-2">
                        <span className="sr-only">Remove</span>
                      </th>
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-slate-100 align-top">
                    {params.fields.map((field, index) => {
                      const rowErrors = errors.qualityTemplate?.[index];
                      const kind = watch(`qualityTemplate.${index}.kind`);
                      const rowName = watch(`qualityTemplate.${index}.name`) || `parameter ${index + 1}`;
                      const cell = (
                        key: 'name' | 'label' | 'unit' | 'min' | 'max' | 'step' | 'weight',
                        label: string,
                        width: string,
                      ) => (
                        <td className="px-3 py-2">
                          <Input
                            {...register(`qualityTemplate.${index}.${key}`)}
                            aria-label={`${label} of ${rowName}`}
                            aria-invalid={rowErrors?.[key] ? true : undefined}
                            className={width}
                            data-testid={`param-${index}-${key}`}
                          />
                          <FieldError message={rowErrors?.[key]?.message} />
                        </td>
                      );
                      return (
                        <tr key={field.id} data-testid={`param-row-${index}`}>
                          {cell('name', 'Name', 'w-36 font-mono')}
                          {cell('label', 'Label', 'w-44')}
                          {cell('unit', 'Unit', 'w-20')}
                          <td className="px-3 py-2">
                            <Select
                              {...register(`qualityTemplate.${index}.kind`)}
                              aria-label={`Kind of ${rowName}`}
                              className="w-28"
                            >
                              <option value="numeric">Numeric</option>
                              <option value="grade">Grade</option>
                            </Select>
                            {kind === 'grade' ? (
                              <>
                                <Input
                                  {...register(`qualityTemplate.${index}.grades`)}
                                  aria-label={`Grades of ${rowName}, comma separated`}
                                  placeholder="Grades, comma separated"
                                  className="mt-2 w-44"
                                />
                                <FieldError message={rowErrors?.grades?.message} />
                              </>
                            ) : null}
                          </td>
                          {cell('min', 'Min', 'w-20')}
                          {cell('max', 'Max', 'w-20')}
                          {cell('step', 'Step', 'w-20')}
                          {cell('weight', 'Weight', 'w-20')}
                          <td className="px-3 py-2 text-center">
                            <Checkbox
                              {...register(`qualityTemplate.${index}.mandatory`)}
                              aria-label={`${rowName} is mandatory`}
                              className="mt-2.5"
                            />
                          </td>
                          <td className="px-3 py-2">
                            {canWrite ? (
                              <Button
                                type="button"
                                variant="ghost"
                                size="icon"
                                onClick={() => params.remove(index)}
                                aria-label={`Remove ${rowName}`}
                              >
                                <Trash2 aria-hidden />
                              </Button>
                            ) : null}
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </div>
            )}
          </Card>
        </fieldset>
        {canWrite ? (
          <div className="flex justify-end gap-2">
            <Button asChild variant="secondary">
              <Link to="/commodities">Cancel</Link>
            </Button>
            <Button type="submit" loading={saving}>
              Save commodity
            </Button>
          </div>
        ) : null}
      </form>
    </div>
  );
}
