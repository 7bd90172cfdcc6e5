import { DataTable, type DataTableProps } from '@kapas/ui';

type ListQuery<Row> = { data: Row[] | undefined; isPending: boolean; error: unknown; refetch: () => unknown };

/** A DataTable for a short list the API returns whole: one page, fed straight from its query. */
export function WholeListTable<Row>({
  query,
  ...props
}: Omit<
  DataTableProps<Row, never>,
  'rows' | 'total' | 'page' | 'pageSize' | 'onPageChange' | 'isLoading' | 'error' | 'onRetry'
> & {
  query: ListQuery<Row>;
}) {
  const rows = query.data;
  return (
    <DataTable<Row, never>
      {...props}
      rows={rows}
      total={rows?.length ?? 0}
      page={1}
      pageSize={Math.max(1, rows?.length ?? 1)}
      onPageChange={() => {}}
      isLoading={query.isPending}
      error={query.error ?? undefined}
      onRetry={() => void query.refetch()}
    />
  );
}
