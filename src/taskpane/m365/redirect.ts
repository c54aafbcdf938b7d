/**
 * Excel on the web signs in through a window of its own (the browser's standard flow, not the
 * host's broker): that window comes back to the pane's page (registered as a SPA redirect URI,
 * docs/m365-setup.md) with the answer in its address, and must hand it to the pane that opened it
 * rather than start a second pane (MSAL's `broadcastResponseToMainFrame`, `@azure/msal-browser/redirect-bridge`).
 */

/** This page load is a sign-in window returning: opened by the pane, with an answer and a state. */
export function isSignInReturn(
  loc: { hash: string; search: string } = location,
  opener: unknown = typeof window !== "undefined" ? window.opener : null
): boolean {
  const answer = `${loc.hash}&${loc.search}`;
  return Boolean(opener) && /[#?&](code|error)=/.test(answer) && /[#?&]state=/.test(answer);
}

/** Hand the answer to the pane and let the window close. */
export async function finishSignIn(): Promise<void> {
  const { broadcastResponseToMainFrame } = await import(
    /* webpackChunkName: "msal-redirect" */ "@azure/msal-browser/redirect-bridge"
  );
  await broadcastResponseToMainFrame();
}
