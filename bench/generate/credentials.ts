/**
 * Credentials of the generated bench users. Fixed on purpose: the load runner logs in through the
 * real login pages and needs the password and the TOTP secret, and the server needs the key the
 * TOTP secrets were sealed with. Bench databases hold fictional data only; never put a bench
 * database behind a real installation.
 */
export const benchPassword = 'Samtak-bench-2026';
export const benchTotpSecret = 'SAMTAKBENCHSAMTAKBENCHSAMTAKBEN2';
export const benchSecretKeyHex = '5a'.repeat(32);
export const benchSecretKey = Buffer.from(benchSecretKeyHex, 'hex');
