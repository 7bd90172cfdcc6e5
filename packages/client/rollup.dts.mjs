// Bundles the declarations, inlining the workspace packages' types (@kapas/*) so the published
// package needs nothing from this repository; library types stay external dependencies.
import { dts } from 'rollup-plugin-dts';

export default {
  input: { index: 'src/index.ts', node: 'src/node.ts' },
  output: { dir: 'dist', format: 'es' },
  plugins: [dts({ respectExternal: true, tsconfig: './tsconfig.build.json' })],
  external: [/^@trpc\//, 'ws', /^zod/, /^drizzle-orm/],
};
