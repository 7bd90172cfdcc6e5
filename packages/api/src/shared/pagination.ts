import { z } from 'zod';

export const pageInput = z.object({
  page: z.number().int().min(1).max(100_000).default(1),
  pageSize: z.number().int().min(1).max(100).default(20),
});

export type PageInput = z.infer<typeof pageInput>;
export type Page<T> = { items: T[]; total: number; page: number; pageSize: number };

export function offsetOf(p: PageInput): number {
  return (p.page - 1) * p.pageSize;
}
