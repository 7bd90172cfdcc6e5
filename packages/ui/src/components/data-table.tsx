import { ArrowDown, ArrowUpDown, ChevronLeft, ChevronRight, Search } from 'lucide-react';
import { type ReactNode, useEffect, useState } from 'react';
import { cn } from '../lib/cn';
import { Button } from './button';
import { Input } from './input';
import { EmptyState, ErrorState, LoadingState } from './states';

export type Column<Row, SortKey extends string> = {
  id: string;
  header: ReactNode;
  cell: (row: Row) => ReactNode;
  /** When set, the header sorts the table by this key (server-side). */
  sortKey?: SortKey;
  className?: string;
};

export type DataTableProps<Row, SortKey extends string> = {
  label: string;
  columns: Column<Row, SortKey>[];
  rows: Row[] | undefined;
  rowKey: (row: Row) => string;
  total: number;
  page: number;
  pageSize: number;
  onPageChange: (page: number) => void;
  sort?: SortKey;
  onSortChange?: (sort: SortKey) => void;
  search?: string;
  onSearchChange?: (search: string) => void;
  isLoading: boolean;
  error?: unknown;
  onRetry?: () => void;
  emptyTitle?: string;
  toolbar?: ReactNode;
  rowClassName?: (row: Row) => string | undefined;
};

/** A table whose paging, sorting and searching happen on the server; the caller owns the state (e.g. in the URL). */
export function DataTable<Row, SortKey extends string>(props: DataTableProps<Row, SortKey>) {
  const { columns, rows, total, page, pageSize, isLoading, error } = props;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const from = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const to = Math.min(total, page * pageSize);

  return (
    <div className="overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm">
      {props.onSearchChange || props.toolbar ? (
        <div className="flex flex-wrap items-center gap-3 border-b border-slate-200 px-4 py-3">
          {props.onSearchChange ? (
            <SearchBox value={props.search ?? ''} onChange={props.onSearchChange} label={`Search ${props.label}`} />
          ) : null}
          <div className="ml-auto flex items-center gap-3">{props.toolbar}</div>
        </div>
      ) : null}
      {error ? (
        <ErrorState error={error} {...(props.onRetry ? { onRetry: props.onRetry } : {})} />
      ) : isLoading && !rows ? (
        <LoadingState />
      ) : !rows || rows.length === 0 ? (
        <EmptyState title={props.emptyTitle ?? 'Nothing here yet'} />
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm" aria-label={props.label} aria-busy={isLoading || undefined}>
            <thead className="bg-slate-50 text-xs font-medium tracking-wide text-slate-500 uppercase">
              <tr>
                {columns.map((column) => (
                  <th
                    key={column.id}
                    scope="col"
                    className={cn('px-4 py-2.5', column.className)}
                    aria-sort={column.sortKey && column.sortKey === props.sort ? 'ascending' : undefined}
                  >
                    {column.sortKey && props.onSortChange ? (
                      <SortButton
                        active={column.sortKey === props.sort}
                        onClick={() => column.sortKey && props.onSortChange?.(column.sortKey)}
                      >
                        {column.header}
                      </SortButton>
                    ) : (
                      column.header
                    )}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {rows.map((row) => (
                <tr key={props.rowKey(row)} className={cn('hover:bg-slate-50/60', props.rowClassName?.(row))}>
                  {columns.map((column) => (
                    <td key={column.id} className={cn('px-4 py-2.5 align-middle', column.className)}>
                      {column.cell(row)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className="flex items-center justify-between border-t border-slate-200 px-4 py-2.5 text-sm text-slate-600">
        <span data-testid="table-range">
          {from}–{to} of {total}
        </span>
        <div className="flex items-center gap-2">
          <Button
            variant="secondary"
            size="sm"
            onClick={() => props.onPageChange(page - 1)}
            disabled={page <= 1}
            aria-label="Previous page"
          >
            <ChevronLeft />
          </Button>
          <span>
            Page {page} of {pages}
          </span>
          <Button
            variant="secondary"
            size="sm"
            onClick={() => props.onPageChange(page + 1)}
            disabled={page >= pages}
            aria-label="Next page"
          >
            <ChevronRight />
          </Button>
        </div>
      </div>
    </div>
  );
}

function SortButton({ active, onClick, children }: { active: boolean; onClick: () => void; children: ReactNode }) {
  return (
    <button
      type="button"
      onClick={onClick}
      className={cn('inline-flex items-center gap-1 uppercase hover:text-slate-900', active && 'text-slate-900')}
    >
      {children}
      {active ? <ArrowDown className="size-3" aria-hidden /> : <ArrowUpDown className="size-3 opacity-50" aria-hidden />}
    </button>
  );
}

/** A search input that reports its value 300 ms after typing stops. */
function SearchBox({ value, onChange, label }: { value: string; onChange: (value: string) => void; label: string }) {
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value]);
  useEffect(() => {
    if (draft === value) return;
    const timer = setTimeout(() => onChange(draft), 300);
    return () => clearTimeout(timer);
  }, [draft, value, onChange]);
  return (
    <div className="relative w-full max-w-xs">
      <Search className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-slate-400" aria-hidden />
      <Input
        type="search"
        aria-label={label}
        placeholder="Search…"
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        className="pl-8"
      />
    </div>
  );
}
