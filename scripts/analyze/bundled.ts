/**
 * Set when the CLI runs from its prebuilt bundle: scripts/analyze-cli.mjs puts the project's
 * root here before it loads the bundle, since the bundle lives elsewhere (a cache folder) and
 * cannot find the project from its own address. Not set when the TypeScript runs as it is (tsx,
 * the tests). Handed over at run time rather than written into the bundle, so that a bundle
 * never points at a checkout other than the one running it.
 */
const handedOver = (globalThis as { __analyzeCliRoot?: unknown }).__analyzeCliRoot;

export const bundledRoot: string | null = typeof handedOver === 'string' ? handedOver : null;
