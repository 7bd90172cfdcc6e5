import type { ViteUserConfig } from 'vitest/config';

export declare function kapasVitest(test?: NonNullable<ViteUserConfig['test']>): ViteUserConfig;
