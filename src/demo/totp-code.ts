import { totpCode } from '../platform/auth/totp.ts';
import { demoTotpSecret } from './seed.ts';

/** `npm run demo:code`: the current one-time code for the demo users (all share one demo secret). */
console.log(totpCode(demoTotpSecret));
