/**
 * What other features may use from single sign-on: the sign-in page's provider links, and the
 * account page's notice of how linking an identity ended.
 */
export { SsoSignIn } from './sso-sign-in.tsx';
export { SsoLinkNotice } from './sso-link-notice.tsx';
