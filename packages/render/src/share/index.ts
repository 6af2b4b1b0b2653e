export {
  DEFAULT_SHARE_BASE,
  SHARE_LIMITS,
  SHARE_VERSION,
  ShareLinkError,
  type ShareProblem,
  decodeShare,
  encodeShare,
  roundPositions,
  shareLink,
} from './codec.ts';
