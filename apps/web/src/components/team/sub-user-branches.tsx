import { Badge } from '@kapas/ui';
import type { SubUser } from './sub-user';

/** The branches a sub-user may act for, by name and code; no restriction reads "All branches". */
export function SubUserBranches({ branches }: { branches: SubUser['branches'] }) {
  if (!branches) {
    return (
      <span className="text-slate-600" data-testid="sub-user-branches">
        All branches
      </span>
    );
  }
  return (
    <div className="flex max-w-xs flex-wrap gap-1" data-testid="sub-user-branches">
      {branches.map((b) => (
        <Badge key={b.id} className="whitespace-nowrap" title={b.active ? b.code : `${b.code} (inactive)`}>
          {b.name}
          <span className="font-mono text-[10px] text-slate-400">{b.code}</span>
          {b.active ? null : <span className="text-slate-400">(inactive)</span>}
        </Badge>
      ))}
    </div>
  );
}
