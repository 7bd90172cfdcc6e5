import { EmptyState, ErrorState, LoadingState, type Me, PageHeader, useMe } from '@kapas/ui';
import type { ReactNode } from 'react';

/** A page only the company's primary user with `capability` may use; everyone else sees why not. */
export function PrimaryUserPage({
  title,
  capability,
  refusal,
  children,
}: {
  title: string;
  capability: string;
  refusal: string;
  children: (me: Me) => ReactNode;
}) {
  const me = useMe();
  if (me.isPending) return <LoadingState />;
  if (me.isError) return <ErrorState error={me.error} onRetry={() => void me.refetch()} />;
  if (!me.data) return <LoadingState />;
  if (!me.data.isPrimary || !me.data.capabilities.includes(capability)) {
    return (
      <div className="mx-auto max-w-5xl">
        <PageHeader title={title} />
        <EmptyState title={refusal} />
      </div>
    );
  }
  return children(me.data);
}
