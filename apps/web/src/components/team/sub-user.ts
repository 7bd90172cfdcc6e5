import type { RouterInputs, RouterOutputs } from '@kapas/api';

export type SubUser = RouterOutputs['subUsers']['list'][number];
export type Capabilities = RouterInputs['subUsers']['invite']['capabilities'];
