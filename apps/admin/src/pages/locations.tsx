import type { RouterOutputs } from '@kapas/api';
import {
  Badge,
  Button,
  Card,
  Checkbox,
  ConfirmDialog,
  EmptyState,
  ErrorState,
  errorMessage,
  Label,
  LoadingState,
  PageHeader,
  toast,
  trpc,
} from '@kapas/ui';
import { ChevronRight, Pencil, Plus, Trash2 } from 'lucide-react';
import { useState } from 'react';
import { useCanWriteMasters } from '../lib/permissions';
import { type FieldSpec, FieldsDialog } from './org-masters/fields-dialog';

type State = RouterOutputs['orgMasters']['locations'][number];
type Region = State['regions'][number];
type Station = Region['stations'][number];

type Editing =
  | { kind: 'state'; state: State | null }
  | { kind: 'region'; state: State; region: Region | null }
  | { kind: 'station'; region: Region; station: Station | null };
type Deleting = { kind: 'state' | 'region' | 'station'; id: string; name: string };

export function LocationsPage() {
  const canWrite = useCanWriteMasters();
  const [includeInactive, setIncludeInactive] = useState(true);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [deleting, setDeleting] = useState<Deleting | null>(null);
  const tree = trpc.orgMasters.locations.useQuery({ includeInactive });
  const utils = trpc.useUtils();
  const refresh = () => {
    void utils.orgMasters.locations.invalidate();
    void utils.masters.locations.invalidate();
  };
  const onError = (error: unknown) => toast.error(errorMessage(error));
  const toggled = (row: { name: string; active: boolean }) => {
    toast.success(`${row.name} is now ${row.active ? 'active' : 'inactive'}`);
    refresh();
  };
  const setState = trpc.orgMasters.setStateActive.useMutation({ onSuccess: toggled, onError });
  const setRegion = trpc.orgMasters.setRegionActive.useMutation({ onSuccess: toggled, onError });
  const setStation = trpc.orgMasters.setStationActive.useMutation({ onSuccess: toggled, onError });
  const deleted = (row: { name: string }) => {
    toast.success(`${row.name} deleted`);
    setDeleting(null);
    refresh();
  };
  const delState = trpc.orgMasters.deleteState.useMutation({ onSuccess: deleted, onError });
  const delRegion = trpc.orgMasters.deleteRegion.useMutation({ onSuccess: deleted, onError });
  const delStation = trpc.orgMasters.deleteStation.useMutation({ onSuccess: deleted, onError });

  const actions = (
    label: string,
    active: boolean,
    onEdit: () => void,
    onToggle: () => void,
    onDelete: () => void,
    add?: { label: string; onClick: () => void },
  ) =>
    canWrite ? (
      <span className="ml-auto flex flex-wrap items-center gap-1">
        {add && active ? (
          <Button variant="ghost" size="sm" onClick={add.onClick} aria-label={`${add.label} to ${label}`}>
            <Plus aria-hidden /> {add.label}
          </Button>
        ) : null}
        <Button variant="ghost" size="sm" onClick={onEdit} aria-label={`Edit ${label}`}>
          <Pencil aria-hidden />
        </Button>
        <Button variant="secondary" size="sm" onClick={onToggle} aria-label={`${active ? 'Deactivate' : 'Activate'} ${label}`}>
          {active ? 'Deactivate' : 'Activate'}
        </Button>
        <Button variant="ghost" size="sm" onClick={onDelete} aria-label={`Delete ${label}`}>
          <Trash2 aria-hidden />
        </Button>
      </span>
    ) : null;

  return (
    <div className="mx-auto max-w-5xl">
      <PageHeader
        title="Locations"
        description="States (with GST state code), regions and stations used for delivery and lot locations."
        actions={
          canWrite ? (
            <Button onClick={() => setEditing({ kind: 'state', state: null })}>
              <Plus aria-hidden /> New state
            </Button>
          ) : (
            <Badge>Read only</Badge>
          )
        }
      />
      <div className="mb-3 flex items-center gap-2">
        <Checkbox id="locations-inactive" checked={includeInactive} onChange={(e) => setIncludeInactive(e.target.checked)} />
        <Label htmlFor="locations-inactive" className="font-normal">
          Include inactive
        </Label>
      </div>
      {tree.isPending ? (
        <LoadingState />
      ) : tree.isError ? (
        <ErrorState error={tree.error} onRetry={() => void tree.refetch()} />
      ) : tree.data.length === 0 ? (
        <EmptyState title="No locations yet" />
      ) : (
        <Card className="divide-y divide-slate-100" aria-label="Location tree" data-testid="location-tree">
          {tree.data.map((state) => (
            <details key={state.id} className="group" data-testid={`state-${state.gstCode}`}>
              <summary className="flex cursor-pointer list-none flex-wrap items-center gap-2 px-5 py-3 hover:bg-slate-50 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-brand-500">
                <ChevronRight className="size-4 text-slate-400 transition-transform group-open:rotate-90" aria-hidden />
                <span className={state.active ? 'font-medium text-slate-900' : 'font-medium text-slate-400'}>{state.name}</span>
                <Badge className="ml-1">GST {state.gstCode}</Badge>
                {state.active ? null : <Badge>Inactive</Badge>}
                <span className="text-xs text-slate-500">
                  {plural(state.regions.length, 'region')} ·{' '}
                  {plural(
                    state.regions.reduce((n, r) => n + r.stations.length, 0),
                    'station',
                  )}
                </span>
                {actions(
                  state.name,
                  state.active,
                  () => setEditing({ kind: 'state', state }),
                  () => setState.mutate({ id: state.id, active: !state.active }),
                  () => setDeleting({ kind: 'state', id: state.id, name: state.name }),
                  { label: 'Region', onClick: () => setEditing({ kind: 'region', state, region: null }) },
                )}
              </summary>
              <div className="grid gap-3 px-12 pb-4">
                {state.regions.length === 0 ? <p className="text-sm text-slate-500">No regions.</p> : null}
                {state.regions.map((region) => (
                  <section key={region.id} aria-label={`Region ${region.name}`} data-testid={`region-${region.name}`}>
                    <div className="flex flex-wrap items-center gap-2">
                      <span
                        className={region.active ? 'text-sm font-medium text-slate-700' : 'text-sm font-medium text-slate-400'}
                      >
                        {region.name}
                      </span>
                      {region.active ? null : <Badge>Inactive</Badge>}
                      {actions(
                        region.name,
                        region.active,
                        () => setEditing({ kind: 'region', state, region }),
                        () => setRegion.mutate({ id: region.id, active: !region.active }),
                        () => setDeleting({ kind: 'region', id: region.id, name: region.name }),
                        { label: 'Station', onClick: () => setEditing({ kind: 'station', region, station: null }) },
                      )}
                    </div>
                    {region.stations.length === 0 ? <p className="mt-1 text-xs text-slate-500">No stations.</p> : null}
                    <ul className="mt-1 grid gap-1">
                      {region.stations.map((station) => (
                        <li
                          key={station.id}
                          className="flex flex-wrap items-center gap-2 rounded-md bg-slate-50 px-2 py-1 text-xs text-slate-600 ring-1 ring-slate-200"
                          data-testid="station"
                        >
                          <span className={station.active ? 'font-medium text-slate-800' : 'text-slate-400'}>{station.name}</span>
                          <span className="text-slate-400 tabular-nums">
                            {Number(station.latitude).toFixed(4)}, {Number(station.longitude).toFixed(4)}
                          </span>
                          {station.active ? null : <Badge>Inactive</Badge>}
                          {actions(
                            station.name,
                            station.active,
                            () => setEditing({ kind: 'station', region, station }),
                            () => setStation.mutate({ id: station.id, active: !station.active }),
                            () => setDeleting({ kind: 'station', id: station.id, name: station.name }),
                          )}
                        </li>
                      ))}
                    </ul>
                  </section>
                ))}
              </div>
            </details>
          ))}
        </Card>
      )}
      {editing ? <LocationDialog editing={editing} onClose={() => setEditing(null)} onSaved={refresh} /> : null}
      <ConfirmDialog
        open={deleting !== null}
        onOpenChange={(open) => (open ? undefined : setDeleting(null))}
        title={`Delete ${deleting?.name ?? ''}?`}
        description="Only a location nothing refers to can be deleted; otherwise deactivate it."
        confirmLabel="Delete"
        pending={delState.isPending || delRegion.isPending || delStation.isPending}
        onConfirm={() => {
          if (!deleting) return;
          const input = { id: deleting.id };
          if (deleting.kind === 'state') delState.mutate(input);
          else if (deleting.kind === 'region') delRegion.mutate(input);
          else delStation.mutate(input);
        }}
      />
    </div>
  );
}

const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

const NAME: FieldSpec = { name: 'name', label: 'Name', maxLength: 80 };

function coordinateErrors(values: Record<string, string>): Record<string, string> {
  const errors: Record<string, string> = {};
  const lat = Number(values.latitude);
  const lng = Number(values.longitude);
  if (values.latitude === '' || !Number.isFinite(lat) || lat < -90 || lat > 90) errors.latitude = 'Latitude is from −90 to 90';
  if (values.longitude === '' || !Number.isFinite(lng) || lng < -180 || lng > 180)
    errors.longitude = 'Longitude is from −180 to 180';
  return errors;
}

function LocationDialog({ editing, onClose, onSaved }: { editing: Editing; onClose: () => void; onSaved: () => void }) {
  const opts = { onSuccess: onSaved };
  const createState = trpc.orgMasters.createState.useMutation(opts);
  const updateState = trpc.orgMasters.updateState.useMutation(opts);
  const createRegion = trpc.orgMasters.createRegion.useMutation(opts);
  const updateRegion = trpc.orgMasters.updateRegion.useMutation(opts);
  const createStation = trpc.orgMasters.createStation.useMutation(opts);
  const updateStation = trpc.orgMasters.updateStation.useMutation(opts);

  if (editing.kind === 'state') {
    const { state } = editing;
    return (
      <FieldsDialog
        title={state ? `Edit ${state.name}` : 'New state'}
        fields={[NAME, { name: 'gstCode', label: 'GST state code', hint: 'Two digits, e.g. 24 for Gujarat', maxLength: 2 }]}
        initial={{ name: state?.name ?? '', gstCode: state?.gstCode ?? '' }}
        submitLabel={state ? 'Save changes' : 'Create state'}
        success={state ? 'State saved' : 'State created'}
        onSubmit={(v) =>
          state
            ? updateState.mutateAsync({ id: state.id, name: v.name ?? '', gstCode: v.gstCode ?? '' })
            : createState.mutateAsync({ name: v.name ?? '', gstCode: v.gstCode ?? '' })
        }
        onClose={onClose}
      />
    );
  }
  if (editing.kind === 'region') {
    const { state, region } = editing;
    return (
      <FieldsDialog
        title={region ? `Edit ${region.name}` : `New region in ${state.name}`}
        fields={[NAME]}
        initial={{ name: region?.name ?? '' }}
        submitLabel={region ? 'Save changes' : 'Create region'}
        success={region ? 'Region saved' : 'Region created'}
        onSubmit={(v) =>
          region
            ? updateRegion.mutateAsync({ id: region.id, name: v.name ?? '' })
            : createRegion.mutateAsync({ stateId: state.id, name: v.name ?? '' })
        }
        onClose={onClose}
      />
    );
  }
  const { region, station } = editing;
  return (
    <FieldsDialog
      title={station ? `Edit ${station.name}` : `New station in ${region.name}`}
      fields={[
        NAME,
        { name: 'latitude', label: 'Latitude', kind: 'decimal', hint: 'Decimal degrees, −90 to 90', maxLength: 12 },
        { name: 'longitude', label: 'Longitude', kind: 'decimal', hint: 'Decimal degrees, −180 to 180', maxLength: 12 },
      ]}
      initial={{
        name: station?.name ?? '',
        latitude: station ? String(Number(station.latitude)) : '',
        longitude: station ? String(Number(station.longitude)) : '',
      }}
      validate={coordinateErrors}
      submitLabel={station ? 'Save changes' : 'Create station'}
      success={station ? 'Station saved' : 'Station created'}
      onSubmit={(v) => {
        const fields = { name: v.name ?? '', latitude: Number(v.latitude), longitude: Number(v.longitude) };
        return station
          ? updateStation.mutateAsync({ id: station.id, ...fields })
          : createStation.mutateAsync({ regionId: region.id, ...fields });
      }}
      onClose={onClose}
    />
  );
}
