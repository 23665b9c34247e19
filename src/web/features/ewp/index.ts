/** What other features use of the EWP feature. */
export { EwpDownloads, type EwpFileLink } from './ewp-downloads.tsx';
