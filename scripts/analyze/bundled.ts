/**
 * Set when the CLI runs from its prebuilt bundle (scripts/analyze-cli.mjs builds it with
 * esbuild): the project's root, fixed at build time, since the bundle lives elsewhere. Undefined
 * when the TypeScript runs as it is (tsx, the tests).
 */
declare const __ANALYZE_ROOT__: string | undefined;

export const bundledRoot: string | null =
	typeof __ANALYZE_ROOT__ === 'undefined' ? null : __ANALYZE_ROOT__;
