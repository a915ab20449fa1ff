// A static single-page app: prerender the shell, render the map in the browser.
export const prerender = true;
export const ssr = false;
