import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts', node: 'src/node.ts' },
  format: ['esm'],
  target: 'es2022',
  platform: 'neutral',
  clean: true,
  sourcemap: true,
  // Bundle the tiny enums module; declarations are bundled by rollup.dts.mjs.
  noExternal: [/^@kapas\//],
  external: ['ws', '@trpc/client', '@trpc/server'],
});
